package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * What a confused user, a retrying monitoring system and a hostile client send: each gets a 4xx
 * naming the problem, and nothing is left behind (no ticket, timeline line or process).
 */
class BadInputTest extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    record Counts(long tickets, long events, long processes, long probeResults) {
    }

    Counts counts() {
        return new Counts(jdbc.queryForObject("select count(*) from ticket", Long.class),
                jdbc.queryForObject("select count(*) from ticket_event", Long.class),
                runtimeService.createProcessInstanceQuery().count(),
                jdbc.queryForObject("select count(*) from probe_result", Long.class));
    }

    Map<String, Object> valid() {
        return ticketBody("MONITORING", "LOW", "LOW");
    }

    ApiClient.Response rejectedTicket(Object body) {
        Counts before = counts();
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(counts()).isEqualTo(before);
        return r;
    }

    @Test
    void missingFieldsAreNamed() {
        ApiClient.Response r = rejectedTicket(Map.of("channel", "HOTLINE"));
        assertThat(r.errorFields()).contains("requesterName", "requesterPhone", "siteId", "title", "description");
        // the category follows from the request type (issue 15); a fault's two grades are named together once the
        // rest is there
        Map<String, Object> body = valid();
        body.remove("category");
        body.remove("impact");
        body.remove("urgency");
        assertThat(rejectedTicket(body).errorFields()).containsExactlyInAnyOrder("impact", "urgency");
    }

    @Test
    void unknownSiteOrDeviceIsRejected() {
        Map<String, Object> body = valid();
        body.put("siteId", 987654);
        assertThat(rejectedTicket(body).errorFields()).containsExactly("siteId");

        body = valid();
        body.put("deviceId", 987654);
        assertThat(rejectedTicket(body).errorFields()).containsExactly("deviceId");
    }

    @Test
    void deviceOfAnotherSiteIsRejected() {
        Map<String, Object> body = valid();
        Long otherSite = assets.createSite(new com.aftercare.asset.NewSite(site.getCustomer().getId(), "Other site " + System.nanoTime(),
                "Road 2", com.aftercare.asset.Region.COUNTY, null, null)).getId();
        body.put("siteId", otherSite);
        assertThat(rejectedTicket(body).detail()).contains("deviceId").contains("is not at site");
    }

    @Test
    void wrongEnumNamesTheFieldAndTheAllowedValues() {
        Map<String, Object> body = valid();
        body.put("impact", "CATASTROPHIC");
        ApiClient.Response r = rejectedTicket(body);
        assertThat(r.errorFields()).containsExactly("impact");
        assertThat(r.detail()).contains("HIGH, MEDIUM, LOW");
    }

    @Test
    void oversizedTextIsRejected() {
        Map<String, Object> body = valid();
        body.put("description", "x".repeat(4001));
        assertThat(rejectedTicket(body).errorFields()).containsExactly("description");
        body = valid();
        body.put("title", "t".repeat(201));
        assertThat(rejectedTicket(body).errorFields()).containsExactly("title");
    }

    @Test
    void hugeBodiesAreRefusedBeforeParsing() {
        Counts before = counts();
        Map<String, Object> body = valid();
        body.put("description", "x".repeat(2_000_000));
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).isEqualTo(413);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void chunkedBodiesWithoutALengthAreRefused() throws Exception {
        Counts before = counts();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + "/api/tickets"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("t-desk:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("{}".getBytes())))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(411);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void numbersMustBeNumbersAndKeysUnique() {
        Map<String, Object> body = valid();
        body.put("siteId", String.valueOf(site.getId()));
        assertThat(rejectedTicket(body).errorFields()).containsExactly("siteId");
        body = valid();
        body.put("siteId", 1.5);
        assertThat(rejectedTicket(body).errorFields()).containsExactly("siteId");
        assertThat(rejectedTicket("{\"channel\":\"HOTLINE\",\"channel\":\"WEB\"}").status()).isEqualTo(400);
        assertThat(api.get("t-sup", "/api/tickets?page=99999999&size=200").status()).isEqualTo(400);
    }

    @Test
    void concurrentRetriesWithTheSameKeyAllGetTheOneTicket() throws Exception {
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + System.nanoTime());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ApiClient.Response>>();
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> api.post("t-desk", "/api/tickets", valid(), key)));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var f : futures) {
                ApiClient.Response r = f.get();
                assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
                ids.add(r.body().path("id").asLong());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void probeSettingsAreValidatedAndOnlyStaffMayChangeThem() {
        String path = "/api/devices/" + device.getId() + "/probe";
        assertThat(api.exchange("t-desk", org.springframework.http.HttpMethod.PUT, path,
                Map.of("ipAddress", "127.0.0.1", "probeTcpPorts", "1,2,3,4,5,6,7,8,9,10,11"), null).errorFields())
                .containsExactly("probeTcpPorts");
        assertThat(api.exchange("t-desk", org.springframework.http.HttpMethod.PUT, path,
                Map.of("ipAddress", "10.0.0.1; rm -rf"), null).errorFields()).containsExactly("ipAddress");
        assertThat(api.exchange("t-sup", org.springframework.http.HttpMethod.PUT, path,
                Map.of("ipAddress", "127.0.0.1"), null).status()).isEqualTo(403);
        assertThat(api.exchange("t-eng", org.springframework.http.HttpMethod.PUT, "/api/devices/987654/probe",
                Map.of("ipAddress", "127.0.0.1"), null).status()).isEqualTo(404);
        ApiClient.Response ok = api.exchange("t-eng", org.springframework.http.HttpMethod.PUT, path,
                Map.of("ipAddress", " 127.0.0.1 ", "probeTcpPorts", String.valueOf(DEVICE.port()), "probeHttpUrl", " " + DEVICE.url()), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("probeHttpUrl").asText()).isEqualTo(DEVICE.url());
    }

    @Test
    void unknownFieldsWrongTypesAndBrokenJsonAreRejected() {
        Map<String, Object> body = valid();
        body.put("status", "CLOSED");
        assertThat(rejectedTicket(body).errorFields()).containsExactly("status");
        body = valid();
        body.put("siteId", "abc");
        assertThat(rejectedTicket(body).errorFields()).containsExactly("siteId");
        assertThat(rejectedTicket("{\"channel\": ").detail()).contains("not valid JSON");
        body = valid();
        body.put("requesterPhone", "<script>");
        assertThat(rejectedTicket(body).errorFields()).containsExactly("requesterPhone");
    }

    @Test
    void wrongRoleOrNoSignInCannotReportTickets() {
        Counts before = counts();
        ApiClient.Response forbidden = api.post("t-eng", "/api/tickets", valid());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(api.post(null, "/api/tickets", valid()).status()).isEqualTo(401);
        assertThat(api.get(null, "/api/tasks").status()).isEqualTo(401);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void taskCompletedTwiceIsAConflict() {
        Ticket ticket = report(Category.DEFECT);
        String id = task(ticket, "firstLineResolution").id();
        assertThat(api.post("t-desk", "/api/tasks/" + id + "/complete", Map.of("category", "DEFECT", "solvedAtDesk", false)).status())
                .isEqualTo(204);
        Counts before = counts();
        ApiClient.Response again = api.post("t-desk", "/api/tasks/" + id + "/complete", Map.of("category", "DEFECT", "solvedAtDesk", false));
        assertThat(again.status()).isEqualTo(409);
        // worded for the reader (Chinese by default), naming the step by its label, not its code
        String firstLine = new com.aftercare.labels.Labels().label(com.aftercare.labels.Labels.ZH, "task", "firstLineResolution");
        assertThat(again.detail()).isEqualTo("该任务（" + firstLine + "）已经办理完成").doesNotContain("firstLineResolution");
        ApiClient.Response inEnglish = api.exchange("t-desk", org.springframework.http.HttpMethod.POST, "/api/tasks/" + id + "/complete",
                Map.of("category", "DEFECT", "solvedAtDesk", false), Map.of("Accept-Language", "en"));
        assertThat(inEnglish.detail()).isEqualTo("This task ("
                + new com.aftercare.labels.Labels().label(com.aftercare.labels.Labels.EN, "task", "firstLineResolution")
                + ") is already completed");
        assertThat(counts()).isEqualTo(before);
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
    }

    @Test
    void taskCompletedByTheWrongRoleOrPersonIsForbidden() {
        Ticket ticket = report(Category.DEFECT);
        String id = task(ticket, "firstLineResolution").id();
        Counts before = counts();
        ApiClient.Response r = api.post("t-eng", "/api/tasks/" + id + "/complete", Map.of("category", "DEFECT", "solvedAtDesk", false));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.detail()).contains("SERVICE_DESK");
        assertThat(api.post("t-sup", "/api/tasks/" + id + "/claim", null).status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);

        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        String accept = task(ticket, "acceptAssignment").id();
        ApiClient.Response other = api.post("t-eng2", "/api/tasks/" + accept + "/complete", Map.of("accepted", true));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.detail()).contains("assigned to t-eng");
        assertThat(api.post("t-eng2", "/api/tasks/" + accept + "/claim", null).status()).isEqualTo(409);
    }

    @Test
    void badTaskFormValuesNameTheFieldAndChangeNothing() {
        Ticket ticket = report(Category.DEFECT);
        String id = task(ticket, "firstLineResolution").id();
        Counts before = counts();
        String path = "/api/tasks/" + id + "/complete";

        assertThat(api.post("t-desk", path, Map.of("category", "DEFECT")).errorFields()).containsExactly("solvedAtDesk");
        assertThat(api.post("t-desk", path, Map.of("category", "BOGUS", "solvedAtDesk", false)).errorFields()).containsExactly("category");
        assertThat(api.post("t-desk", path, Map.of("category", "DEFECT", "solvedAtDesk", "yes")).errorFields())
                .containsExactly("solvedAtDesk");
        assertThat(api.post("t-desk", path, Map.of("category", "DEFECT", "solvedAtDesk", false, "deskNote", "n".repeat(4001)))
                .errorFields()).containsExactly("deskNote");
        // a hostile client trying to set process variables the form does not declare
        ApiClient.Response sneaky = api.post("t-desk", path, Map.of("category", "DEFECT", "solvedAtDesk", false, "probePassed", true));
        assertThat(sneaky.status()).isEqualTo(400);
        assertThat(sneaky.errorFields()).containsExactly("probePassed");
        assertThat(counts()).isEqualTo(before);
        assertThat(openTaskKeys(ticket)).containsExactly("firstLineResolution");

        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        String assign = task(ticket, "assignEngineer").id();
        ApiClient.Response nobody = api.post("t-desk", "/api/tasks/" + assign + "/complete", Map.of("engineer", "ghost"));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.errorFields()).containsExactly("engineer");
        assertThat(openTaskKeys(ticket)).containsExactly("assignEngineer");
    }

    @Test
    void releasingAndReassigningTasksChecksWhoAndToWhom() {
        Ticket ticket = report(Category.DEFECT);
        String desk = task(ticket, "firstLineResolution").id();
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        String accept = task(ticket, "acceptAssignment").id();
        Counts before = counts();

        assertThat(api.post("t-desk", "/api/tasks/" + accept + "/assign", Map.of()).errorFields()).containsExactly("assignee");
        assertThat(api.post("t-desk", "/api/tasks/" + accept + "/assign", Map.of("assignee", "ghost")).errorFields())
                .containsExactly("assignee");
        ApiClient.Response byEngineer = api.post("t-eng2", "/api/tasks/" + accept + "/assign", Map.of("assignee", "t-eng2"));
        assertThat(byEngineer.status()).isEqualTo(403);
        assertThat(api.post("t-eng2", "/api/tasks/" + accept + "/unclaim", null).status()).isEqualTo(403);
        assertThat(api.post("t-desk", "/api/tasks/" + desk + "/assign", Map.of("assignee", "t-eng")).status()).isEqualTo(409);
        assertThat(task(ticket, "acceptAssignment").assignee()).isEqualTo("t-eng");
        assertThat(counts()).isEqualTo(before);

        assertThat(api.post("t-desk", "/api/tasks/" + accept + "/assign", Map.of("assignee", "t-eng2")).status()).isEqualTo(204);
        assertThat(task(ticket, "acceptAssignment").assignee()).isEqualTo("t-eng2");
        assertThat(api.post("t-eng2", "/api/tasks/" + accept + "/unclaim", null).status()).isEqualTo(204);
        assertThat(task(ticket, "acceptAssignment").assignee()).isNull();
    }

    @Test
    void unknownTicketOrTaskIsNotFound() {
        assertThat(api.get("t-desk", "/api/tickets/987654").status()).isEqualTo(404);
        assertThat(api.get("t-desk", "/api/tickets/abc").status()).isEqualTo(400);
        assertThat(api.post("t-desk", "/api/tasks/no-such-task/complete", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void badSitesAndDevicesAreRejected() {
        long before = assets.devices(null, null).size();
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "TOASTER", "name", "x", "serialNumber", "y"))
                .errorFields()).containsExactly("type");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "CAMERA", "name", "x",
                "serialNumber", device.getSerialNumber())).errorFields()).containsExactly("serialNumber");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "CAMERA", "name", "x",
                "serialNumber", "S-" + System.nanoTime(), "ipAddress", "127.0.0.1", "probeTcpPorts", "80,99999")).errorFields())
                .containsExactly("probeTcpPorts");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "CAMERA", "name", "x",
                "serialNumber", "S-" + System.nanoTime(), "probeTcpPorts", "80")).errorFields()).containsExactly("ipAddress");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "CAMERA", "name", "x",
                "serialNumber", "S-" + System.nanoTime(), "probeHttpUrl", "file:///etc/passwd")).errorFields())
                .containsExactly("probeHttpUrl");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", 987654, "type", "CAMERA", "name", "x",
                "serialNumber", "S-" + System.nanoTime())).errorFields()).containsExactly("siteId");
        assertThat(assets.devices(null, null)).hasSize((int) before);
        assertThat(api.post("t-desk", "/api/sites", Map.of("customerId", 987654, "name", "x", "address", "y", "region", "CITY"))
                .errorFields()).containsExactly("customerId");
    }

    @Test
    void engineRestApiIsNotExposedAndHealthIsPublic() {
        assertThat(api.get(null, "/engine-rest/process-definition").status()).isIn(401, 403, 404);
        assertThat(api.get("t-admin", "/engine-rest/process-definition").status()).isIn(403, 404);
        ApiClient.Response health = api.get(null, "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        ApiClient.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.body().path("paths").has("/api/tickets")).isTrue();
        assertThat(docs.body().path("info").path("title").asText()).isEqualTo("Aftercare API");
    }
}
