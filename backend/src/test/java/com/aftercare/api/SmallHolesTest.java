package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * Issue 10, item 11: the small holes a careless or hostile client finds. Each answer is a 4xx
 * problem naming what is wrong, no stack trace lands in the log, and nothing is written.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmallHolesTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    long ticketCount() {
        return jdbc.queryForObject("select count(*) from ticket", Long.class);
    }

    static void assertProblem(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.headers().getContentType()).isNotNull();
        assertThat(r.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(r.headers().toString())
                .isTrue();
    }

    @Test
    void aWildcardContentTypeIsUnsupportedMediaTypeWithoutAStackTrace(CapturedOutput log) {
        long before = ticketCount();
        Map<String, String> wildcard = Map.of("Content-Type", "*/*");
        assertProblem(api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"), wildcard), 415);
        assertProblem(api.exchange("t-desk", HttpMethod.PUT, "/api/devices/" + device.getId() + "/probe",
                Map.of("ipAddress", "127.0.0.1"), wildcard), 415);
        assertProblem(api.post("t-desk", "/api/tickets/" + report(Category.DEFECT).getId() + "/hold",
                Map.of("reason", "WAITING_PARTS"), wildcard), 415);
        // unsigned, on the sign-in route that is open to anyone and on one that is not
        assertProblem(api.post(null, "/api/session", Map.of("username", "t-desk", "password", PASSWORD), wildcard), 415);
        assertProblem(api.post(null, "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"), wildcard), 415);
        assertProblem(api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"), Map.of("Content-Type", "application/*")),
                415);
        assertThat(ticketCount()).isEqualTo(before + 1); // only the ticket reported above
        assertThat(log.getOut() + log.getErr()).doesNotContain("Unexpected error").doesNotContain("InvalidMediaTypeException")
                .doesNotContain("HttpMediaTypeNotSupportedException");
    }

    @Test
    void controlCharactersInTextAreBadInputNamingTheField() {
        long before = ticketCount();
        Map<String, Object> body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("title", "Camera\u0000down");
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertProblem(r, 400);
        assertThat(r.errorFields()).containsExactly("title");

        body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("description", "bell\u0007 and escape\u001b[31m");
        assertThat(api.post("t-desk", "/api/tickets", body).errorFields()).containsExactly("description");
        assertThat(ticketCount()).isEqualTo(before);

        // nested and free-form bodies too (the task form is a map of values)
        Ticket t = report(Category.DEFECT);
        ApiClient.Response hold = api.post("t-desk", "/api/tickets/" + t.getId() + "/hold",
                Map.of("reason", "WAITING_PARTS", "note", "x\u0000y"));
        assertProblem(hold, 400);
        assertThat(hold.errorFields()).containsExactly("note");
        assertThat(tickets.get(t.getId()).getHoldReason()).isNull();

        // tabs and line breaks are ordinary text
        body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("description", "line one\r\nline two\twith a tab");
        assertThat(api.post("t-desk", "/api/tickets", body).status()).isEqualTo(201);
    }

    @Test
    void trailingContentAfterTheJsonIsRejected() {
        long before = ticketCount();
        String json;
        try {
            json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ticketBody("HOTLINE", "LOW", "LOW"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String trailing : new String[] { "{}", "[]", "1", "\"x\"", "}" }) {
            ApiClient.Response r = api.post("t-desk", "/api/tickets", json + trailing);
            assertProblem(r, 400);
        }
        assertThat(ticketCount()).isEqualTo(before);
        assertThat(api.post("t-desk", "/api/tickets", json + " \n").status()).as("whitespace is not content").isEqualTo(201);
    }

    @Test
    void pathAndQueryIdsAreDecimalDigitsOnly() {
        Ticket t = report(Category.DEFECT);
        long id = t.getId();
        String hex = "0x" + Long.toHexString(id);
        for (String bad : new String[] { hex, "%23" + Long.toHexString(id), "+" + id, "%2B" + id, "0" + id, "%20" + id, id + "%20",
                "-" + id, id + "e0", id + ".0", "1%20" + id }) {
            ApiClient.Response r = rawGet("/api/tickets/" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertProblem(r, 400);
            assertThat(r.errorFields()).as(bad).containsExactly("id");
        }
        assertThat(api.get("t-desk", "/api/tickets/" + id).status()).isEqualTo(200);

        ApiClient.Response query = api.get("t-desk", "/api/tickets?siteId=+" + site.getId());
        assertProblem(query, 400);
        assertThat(query.errorFields()).containsExactly("siteId");
        ApiClient.Response page = api.get("t-desk", "/api/tickets?page=0x1");
        assertProblem(page, 400);
        assertThat(page.errorFields()).containsExactly("page");
        assertThat(api.get("t-desk", "/api/tickets?siteId=" + site.getId() + "&page=0").status()).isEqualTo(200);
    }

    /** The path exactly as written (percent escapes included), as the desk: RestTemplate would re-encode it. */
    ApiClient.Response rawGet(String rawPath) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + rawPath))
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    ("t-desk:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            r.headers().map().forEach(headers::addAll);
            return new ApiClient.Response(r.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()), headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherBodyIsRefused() {
        String key = "reuse-" + System.nanoTime();
        Map<String, String> header = Map.of("Idempotency-Key", key);
        ApiClient.Response first = api.post("t-desk", "/api/tickets", ticketBody("MONITORING", "LOW", "LOW"), header);
        assertThat(first.status()).isEqualTo(201);
        long before = ticketCount();

        ApiClient.Response other = api.post("t-desk", "/api/tickets", ticketBody("MONITORING", "HIGH", "LOW"), header);
        assertProblem(other, 422);
        assertThat(other.errorFields()).containsExactly("Idempotency-Key");
        assertThat(other.body().toString()).doesNotContain(first.body().path("number").asText());

        // another caller with the same key and body is not this caller's retry either
        ApiClient.Response otherCaller = api.post("t-admin", "/api/tickets", ticketBody("MONITORING", "LOW", "LOW"), header);
        assertProblem(otherCaller, 422);

        // the real retry: same caller, same content (key order and spacing do not matter)
        String reordered = "{ \"title\": \"Camera C-01 shows no picture\", \"channel\": \"MONITORING\", \"requesterName\": \"Li Lei\","
                + " \"requesterUnit\": \"Traffic police\", \"requesterPhone\": \"139 0000 0000\", \"siteId\": " + site.getId()
                + ", \"deviceId\": " + device.getId() + ", \"category\": \"DEFECT\", \"impact\": \"LOW\", \"urgency\": \"LOW\","
                + " \"description\": \"Black screen since 8:00\" }";
        ApiClient.Response retry = api.post("t-desk", "/api/tickets", reordered, header);
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
        assertThat(ticketCount()).isEqualTo(before);
    }

    @Test
    void anEngineerHoldsOnlyTheirOwnTicket() {
        Ticket mine = report(Category.DEFECT);
        complete(mine, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(mine, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        Ticket unassigned = report(Category.DEFECT);

        ApiClient.Response notTheirs = api.post("t-eng2", "/api/tickets/" + mine.getId() + "/hold", Map.of("reason", "WAITING_PARTS"));
        assertProblem(notTheirs, 403);
        assertThat(api.post("t-eng", "/api/tickets/" + unassigned.getId() + "/hold", Map.of("reason", "WAITING_PARTS")).status())
                .isEqualTo(403);
        assertThat(tickets.get(mine.getId()).getHoldReason()).isNull();
        assertThat(tickets.get(unassigned.getId()).getHoldReason()).isNull();

        assertThat(api.post("t-eng", "/api/tickets/" + mine.getId() + "/hold", Map.of("reason", "WAITING_PARTS")).status())
                .isEqualTo(200);
        assertThat(api.exchange("t-eng2", HttpMethod.DELETE, "/api/tickets/" + mine.getId() + "/hold", null, null).status())
                .as("nor release another engineer's hold").isEqualTo(403);
        assertThat(tickets.get(mine.getId()).getHoldReason()).isEqualTo("WAITING_PARTS");
        assertThat(api.exchange("t-eng", HttpMethod.DELETE, "/api/tickets/" + mine.getId() + "/hold", null, null).status())
                .isEqualTo(204);

        // the desk and supervisors hold any ticket, as before
        assertThat(api.post("t-desk", "/api/tickets/" + unassigned.getId() + "/hold", Map.of("reason", "WAITING_CUSTOMER")).status())
                .isEqualTo(200);
        assertThat(api.exchange("t-sup", HttpMethod.DELETE, "/api/tickets/" + unassigned.getId() + "/hold", null, null).status())
                .isEqualTo(204);
    }

    @Test
    void onlyHealthIsPublicOnTheActuator() {
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/health/liveness").status()).isIn(200, 404);
        for (String path : new String[] { "/actuator", "/actuator/", "/actuator/info", "/actuator/env", "/actuator/beans" }) {
            assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
            assertThat(api.get("t-desk", path).status()).as(path).isEqualTo(403);
            assertThat(api.get("t-sup", path).status()).as(path).isEqualTo(403);
        }
        ApiClient.Response index = api.get("t-admin", "/actuator");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body().path("_links").has("health")).isTrue();
    }
}
