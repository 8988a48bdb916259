package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 14: POST /api/tickets/{id}/verification-waiver. The desk (or a supervisor) waives verification of a device that
 * cannot be checked, with a reason; it is on the timeline, the case file and its probe section; bad input is a 400
 * naming the field, a closed case a 409.
 */
class VerificationWaiverApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        jdbc.update("delete from verification_policy");
    }

    /** A case on a camera without any probe settings, back at the engineer after "not configured". */
    private Ticket notConfigured() {
        String unique = "W-" + System.nanoTime();
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Bare camera " + unique, "X", "SN-" + unique,
                null, null, null, null, false));
        Ticket t = report(Category.DEFECT);
        dispatchAndFix(t);
        probeWorker.runOnce();
        assertThat(openTaskKeys(t)).containsExactly("diagnoseAndFix");
        return t;
    }

    @Test
    void theDeskWaivesWithAReasonAndTheCaseFileShowsIt() {
        Ticket t = notConfigured();
        JsonNode before = api.get("t-desk", "/api/tickets/" + t.getId()).body();
        assertThat(before.path("waiverOffered").asBoolean()).isTrue();
        assertThat(before.path("verificationWaiver").path("reason").isMissingNode()).as("no waiver yet").isTrue();
        JsonNode lastChecks = before.path("probeResults").get(before.path("probeResults").size() - 1).path("checks");
        assertThat(lastChecks.findValuesAsText("reason")).containsOnly("NOT_CONFIGURED");
        assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("waiverOffered").asBoolean())
                .as("offered to the desk, not the engineer").isFalse();

        ApiClient.Response waived = api.post("t-desk", "/api/tickets/" + t.getId() + "/verification-waiver",
                Map.of("reason", "模拟摄像机，经编码器接入，无法取流"));
        assertThat(waived.status()).as(waived.body().toString()).isEqualTo(201);
        assertThat(waived.body().path("waivedBy").asText()).isEqualTo("t-desk");

        JsonNode after = api.get("t-desk", "/api/tickets/" + t.getId()).body();
        assertThat(after.path("verificationWaiver").path("reason").asText()).isEqualTo("模拟摄像机，经编码器接入，无法取流");
        assertThat(after.path("waiverOffered").asBoolean()).isFalse();
        assertThat(after.path("timeline").findValuesAsText("message"))
                .anyMatch(m -> m.contains("豁免") && m.contains("模拟摄像机"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'verification_waiver' and ticket_id = ?",
                Long.class, t.getId())).isEqualTo(1);

        complete(t, "diagnoseAndFix", "t-eng", Map.of("cause", "Cable", "fixOutcome", "FIXED", "solution", "New cable"));
        probeWorker.runOnce();
        JsonNode passed = api.get("t-desk", "/api/tickets/" + t.getId()).body();
        JsonNode last = passed.path("probeResults").get(passed.path("probeResults").size() - 1);
        assertThat(last.path("passed").asBoolean()).isTrue();
        assertThat(last.path("summary").asText()).contains("t-desk 已豁免");
        assertThat(passed.path("timeline").findValuesAsText("message")).anyMatch(m -> m.startsWith("设备验证已豁免"));
    }

    @Test
    void badInputIs400NamingTheFieldAndOnlyTheDeskOrASupervisorMayWaive() {
        Ticket t = notConfigured();
        String path = "/api/tickets/" + t.getId() + "/verification-waiver";
        ApiClient.Response blank = api.post("t-desk", path, Map.of("reason", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.errorFields()).containsExactly("reason");
        assertThat(api.post("t-desk", path, Map.of()).errorFields()).containsExactly("reason");
        assertThat(api.post("t-desk", path, Map.of("reason", "x".repeat(1001))).errorFields()).containsExactly("reason");
        assertThat(api.post("t-eng", path, Map.of("reason", "I say so")).status()).isEqualTo(403);
        assertThat(api.post("t-sup", path, Map.of("reason", "Agreed with the customer")).status()).isEqualTo(201);
    }

    @Test
    void aClosedCaseCannotBeWaived() {
        Ticket t = report(Category.DEFECT);
        dispatchAndFix(t);
        probeWorker.runOnce();
        confirmAndAudit(t);
        complete(t, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        ApiClient.Response closed = api.post("t-desk", "/api/tickets/" + t.getId() + "/verification-waiver", Map.of("reason", "Late"));
        assertThat(closed.status()).isEqualTo(409);
    }
}
