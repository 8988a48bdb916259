package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * Issue 12: after a failed verification the engineer sees which checks failed, can check the device again
 * at once ("立即重新检测"), and sees while a verification is running. The recheck keeps its evidence and a
 * timeline line (audit chain) and does not move the case.
 */
class DeviceRecheckApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @AfterEach
    void deviceBack() {
        DEVICE.up();
    }

    Ticket failedVerification() {
        Ticket t = report(Category.DEFECT);
        DEVICE.down();
        dispatchAndFix(t);
        assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("verifying").asBoolean())
                .as("the probe has not run yet: the case is in its verify step").isTrue();
        probeWorker.runOnce();
        assertThat(openTaskKeys(t)).containsExactly("diagnoseAndFix");
        return t;
    }

    long auditedTimelineLines(Ticket t) {
        return jdbc.queryForObject("select count(*) from audit_log where entity_type = 'ticket_event' and ticket_id = ?", Long.class,
                t.getId());
    }

    @Test
    void theEngineerChecksTheDeviceAgainAndTheCaseWaitsForTheirReport() {
        Ticket t = failedVerification();
        ApiClient.Response file = api.get("t-eng", "/api/tickets/" + t.getId());
        assertThat(file.body().path("verifying").asBoolean()).isFalse();
        int before = file.body().path("probeResults").size();
        assertThat(file.body().path("probeResults").get(before - 1).path("passed").asBoolean()).isFalse();
        long audited = auditedTimelineLines(t);

        // still down: a new failed result, on record
        ApiClient.Response down = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of());
        assertThat(down.status()).as(down.body().toString()).isEqualTo(201);
        assertThat(down.body().path("passed").asBoolean()).isFalse();
        assertThat(down.body().path("checks").size()).isPositive();

        DEVICE.up();
        ApiClient.Response up = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of());
        assertThat(up.status()).isEqualTo(201);
        assertThat(up.body().path("passed").asBoolean()).isTrue();

        ApiClient.Response after = api.get("t-eng", "/api/tickets/" + t.getId());
        assertThat(after.body().path("probeResults").size()).isEqualTo(before + 2);
        assertThat(after.body().path("probeResults").get(before + 1).path("passed").asBoolean()).isTrue();
        assertThat(auditedTimelineLines(t)).as("each recheck is a timeline line in the audit chain").isEqualTo(audited + 2);
        // the case does not move by itself: the engineer reports the fix, which verifies once more
        assertThat(openTaskKeys(t)).containsExactly("diagnoseAndFix");
    }

    @Test
    void onlyTheTicketsEngineerOrTheDeskMayRecheck() {
        Ticket t = failedVerification();
        int before = api.get("t-eng", "/api/tickets/" + t.getId()).body().path("probeResults").size();

        SmallHolesTest.assertProblem(api.post("t-eng2", "/api/tickets/" + t.getId() + "/probe-results", Map.of()), 403);
        SmallHolesTest.assertProblem(api.post("t-sup", "/api/tickets/" + t.getId() + "/probe-results", Map.of()), 403);
        SmallHolesTest.assertProblem(api.post("t-eng", "/api/tickets/999999999/probe-results", Map.of()), 404);
        assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("probeResults").size()).isEqualTo(before);

        assertThat(api.post("t-desk", "/api/tickets/" + t.getId() + "/probe-results", Map.of()).status()).isEqualTo(201);
    }

    @Test
    void noRecheckWhileAVerificationRuns() {
        Ticket t = report(Category.DEFECT);
        dispatchAndFix(t); // the probe job waits for the worker: the case is verifying
        SmallHolesTest.assertProblem(api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of()), 409);
        probeWorker.runOnce();
    }

    @Autowired com.aftercare.agent.RegisterAgent registerAgent;
    @Autowired com.aftercare.agent.RevokeAgent revokeAgent;

    @Test
    void atASiteServedByAProbeAgentARecheckIsRefusedInTheReadersLanguageAndNothingIsRecorded() {
        Ticket t = failedVerification();
        var agent = registerAgent.register(new com.aftercare.agent.RegisterAgent.Command("Site agent " + t.getId(),
                site.getCustomer().getId(), java.util.List.of(site.getId()))).agent();
        try {
            int before = api.get("t-eng", "/api/tickets/" + t.getId()).body().path("probeResults").size();

            ApiClient.Response zh = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of());
            SmallHolesTest.assertProblem(zh, 409);
            assertThat(zh.body().path("type").asText()).isEqualTo("urn:aftercare:problem:recheck-by-agent");
            assertThat(zh.detail()).isEqualTo("本现场的设备由现场的探测代理检查，服务器无法从外部重新检测。请提交修复结果，代理会在验证时检查设备。");

            ApiClient.Response en = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of(),
                    Map.of("Accept-Language", "en-US,en;q=0.9"));
            SmallHolesTest.assertProblem(en, 409);
            assertThat(en.detail()).startsWith("The devices of this site are checked by the probe agent inside its network");

            assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("probeResults").size())
                    .as("no result from outside the site's network").isEqualTo(before);
            assertThat(openTaskKeys(t)).containsExactly("diagnoseAndFix");
        } finally {
            revokeAgent.revoke(agent.getId());
        }
    }
}
