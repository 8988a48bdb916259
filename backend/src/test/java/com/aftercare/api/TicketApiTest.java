package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/** The main path over HTTP, with the roles of real users: desk, engineer, desk again. */
class TicketApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    Map<String, Object> ticketBody() {
        return ticketBody("HOTLINE", "MEDIUM", "HIGH");
    }

    String taskId(String user, long ticketId, String key) {
        for (JsonNode t : api.get(user, "/api/tasks").body()) {
            if (t.path("ticketId").asLong() == ticketId && t.path("key").asText().equals(key)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError(user + " has no task " + key + " for ticket " + ticketId);
    }

    boolean hasTask(String user, long ticketId, String key) {
        for (JsonNode t : api.get(user, "/api/tasks").body()) {
            if (t.path("ticketId").asLong() == ticketId && t.path("key").asText().equals(key)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void ticketGoesFromIntakeToClosureOverTheApi() {
        ApiClient.Response created = api.post("t-desk", "/api/tickets", ticketBody());
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/tickets/" + id);
        assertThat(created.body().path("number").asText()).matches("INC-\\d{4}-\\d{6}");
        assertThat(created.body().path("level").asText()).isEqualTo("2");
        assertThat(created.body().path("status").asText()).isEqualTo("AT_DESK");

        JsonNode detail = api.get("t-desk", "/api/tickets/" + id).body();
        assertThat(detail.path("responseDue").asText()).isNotEmpty();
        assertThat(detail.path("timeline").size()).isGreaterThanOrEqualTo(2);
        assertThat(detail.path("openTasks").get(0).path("key").asText()).isEqualTo("firstLineResolution");
        assertThat(detail.path("openTasks").get(0).path("actionable").asBoolean()).isTrue();
        assertThat(java.util.stream.StreamSupport.stream(detail.path("openTasks").get(0).path("formFields").spliterator(), false)
                .map(f -> f.path("id").asText()).toList())
                .containsExactly("category", "solvedAtDesk", "deskNote");

        assertThat(api.post("t-desk", "/api/tasks/" + taskId("t-desk", id, "firstLineResolution") + "/complete",
                Map.of("category", "DEFECT", "solvedAtDesk", false)).status()).isEqualTo(204);
        assertThat(api.post("t-desk", "/api/tasks/" + taskId("t-desk", id, "assignEngineer") + "/complete",
                Map.of("engineer", "t-eng", "vehicleNeeded", true)).status()).isEqualTo(204);

        // the engineer sees the assignment in the inbox, the other engineer does not
        assertThat(hasTask("t-eng2", id, "acceptAssignment")).isFalse();
        assertThat(api.post("t-eng", "/api/tasks/" + taskId("t-eng", id, "acceptAssignment") + "/complete",
                Map.of("accepted", true)).status()).isEqualTo(204);
        assertThat(api.post("t-eng", "/api/tasks/" + taskId("t-eng", id, "checkIn") + "/complete",
                Map.of("emergency", false)).status()).isEqualTo(204);
        assertThat(api.post("t-eng", "/api/tasks/" + taskId("t-eng", id, "diagnosisReport") + "/complete",
                Map.of("symptom", "Black picture", "diagnosis", "PoE port gives no power")).status()).isEqualTo(204);
        assertThat(api.post("t-eng", "/api/tasks/" + taskId("t-eng", id, "diagnoseAndFix") + "/complete",
                Map.of("symptom", "Black picture", "cause", "PoE port dead", "fixOutcome", "FIXED", "solution", "Moved to port 5",
                        "prevention", "Check PoE budget")).status()).isEqualTo(204);
        probeWorker.runOnce();
        assertThat(api.post("t-eng", "/api/tasks/" + taskId("t-eng", id, "confirmCompletion") + "/complete",
                Map.of("testerName", "Wang Wu", "confirmed", true)).status()).isEqualTo(204);
        assertThat(api.post("t-desk", "/api/tasks/" + taskId("t-desk", id, "auditServiceForm") + "/complete",
                Map.of("auditAccepted", true)).status()).isEqualTo(204);

        JsonNode afterProbe = api.get("t-eng", "/api/tickets/" + id).body();
        assertThat(afterProbe.path("status").asText()).isEqualTo("AWAITING_CALLBACK");
        assertThat(afterProbe.path("probeResults").get(0).path("passed").asBoolean()).isTrue();
        assertThat(afterProbe.path("probeResults").get(0).path("checks").findValuesAsText("kind")).containsExactly("TCP", "HTTP");
        // the engineer cannot close: the callback is the desk's
        assertThat(hasTask("t-eng", id, "callRequester")).isFalse();
        String callback = taskId("t-desk", id, "callRequester");
        assertThat(api.post("t-eng", "/api/tasks/" + callback + "/complete", Map.of("callbackOutcome", "CONFIRMED")).status())
                .isEqualTo(403);

        assertThat(api.post("t-desk", "/api/tasks/" + callback + "/complete",
                Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "4", "customerFeedback", "Thanks")).status()).isEqualTo(204);
        JsonNode closed = api.get("t-sup", "/api/tickets/" + id).body();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("cause").asText()).isEqualTo("PoE port dead");
        assertThat(closed.path("openTasks").size()).isZero();
        assertThat(closed.path("timeline").findValuesAsText("actor")).contains("t-desk", "t-eng");
    }

    @Test
    void retriedReportWithTheSameIdempotencyKeyOpensOneTicket() {
        Map<String, String> key = Map.of("Idempotency-Key", "alarm-" + System.nanoTime());
        ApiClient.Response first = api.post("t-desk", "/api/tickets", ticketBody(), key);
        ApiClient.Response again = api.post("t-desk", "/api/tickets", ticketBody(), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(first.body().path("id").asLong());
    }

    @Test
    void listFiltersByStatusSiteAssigneeAndOverdue() {
        long id = api.post("t-desk", "/api/tickets", ticketBody()).body().path("id").asLong();
        JsonNode bySite = api.get("t-sup", "/api/tickets?siteId=" + site.getId()).body();
        assertThat(bySite.path("totalElements").asLong()).isEqualTo(1);
        assertThat(bySite.path("content").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(api.get("t-sup", "/api/tickets?siteId=" + site.getId() + "&status=CLOSED").body().path("totalElements").asLong())
                .isZero();
        assertThat(api.get("t-sup", "/api/tickets?siteId=" + site.getId() + "&assignee=t-eng").body().path("totalElements").asLong())
                .isZero();
        assertThat(api.get("t-sup", "/api/tickets?siteId=" + site.getId() + "&overdue=true").body().path("totalElements").asLong())
                .isZero();

        clock.advance(Duration.ofMinutes(31)); // level 2: response due in 30 minutes
        JsonNode overdue = api.get("t-sup", "/api/tickets?siteId=" + site.getId() + "&overdue=true").body();
        assertThat(overdue.path("totalElements").asLong()).isEqualTo(1);
        assertThat(overdue.path("content").get(0).path("responseOverdue").asBoolean()).isTrue();
        assertThat(api.get("t-sup", "/api/tickets?size=500").status()).isEqualTo(400);
    }

    @Test
    void sitesAndDevicesCanBeListedAndCreated() {
        long customerId = api.get("t-desk", "/api/customers").body().get(0).path("id").asLong();
        ApiClient.Response site = api.post("t-desk", "/api/sites", Map.of("customerId", customerId, "name", "New site " + System.nanoTime(),
                "address", "Road 9", "region", "COUNTY"));
        assertThat(site.status()).isEqualTo(201);
        long siteId = site.body().path("id").asLong();
        ApiClient.Response dev = api.post("t-desk", "/api/devices", Map.of("siteId", siteId, "type", "NVR", "name", "NVR-9",
                "serialNumber", "SN-NVR-" + System.nanoTime(), "ipAddress", "61.135.0.9", "probeTcpPorts", "80, 554",
                "probeHttpUrl", "https://61.135.0.9/"));
        assertThat(dev.status()).isEqualTo(201);
        JsonNode devices = api.get("t-eng", "/api/devices?siteId=" + siteId).body();
        assertThat(devices.findValuesAsText("name")).containsExactly("NVR-9");
        assertThat(api.get("t-eng", "/api/sites").body().findValuesAsText("region")).contains("COUNTY");
        assertThat(api.get("t-desk", "/api/engineers").body().findValuesAsText("username")).contains("t-eng", "t-eng2");
        assertThat(api.post("t-eng", "/api/sites", Map.of("customerId", customerId, "name", "x", "address", "y", "region", "CITY"))
                .status()).isEqualTo(403);
    }
}
