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
import com.fasterxml.jackson.databind.JsonNode;

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

    /**
     * ADR 0042: at a site served by a probe agent the server does not probe from outside; the recheck is queued for the
     * agent (202, in the reader's language), the case file says so (recheckQueued: the page shows 检测中…) and the
     * timeline too; a second click while it waits is 409 and queues nothing more; this server's worker leaves the job
     * to the agent. (The agent serving it, and an offline agent: AgentOverHttpTest.)
     */
    @Test
    void atASiteServedByAProbeAgentARecheckIsQueuedForTheAgentOnce() {
        Ticket t = failedVerification();
        var agent = registerAgent.register(new com.aftercare.agent.RegisterAgent.Command("Site agent " + t.getId(),
                site.getCustomer().getId(), java.util.List.of(site.getId()))).agent();
        try {
            int before = api.get("t-eng", "/api/tickets/" + t.getId()).body().path("probeResults").size();
            assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("recheckQueued").asBoolean()).isFalse();

            ApiClient.Response zh = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of());
            assertThat(zh.status()).isEqualTo(202);
            assertThat(zh.body().path("queued").asBoolean()).isTrue();
            assertThat(zh.body().path("summary").asText()).isEqualTo("已交给本站点的探测代理重新检测，结果出来前显示“检测中…”。");

            ApiClient.Response again = api.post("t-eng", "/api/tickets/" + t.getId() + "/probe-results", Map.of(),
                    Map.of("Accept-Language", "en-US,en;q=0.9"));
            SmallHolesTest.assertProblem(again, 409);

            probeWorker.runOnce(); // the agent's job: not this server's
            JsonNode file = api.get("t-eng", "/api/tickets/" + t.getId()).body();
            assertThat(file.path("recheckQueued").asBoolean()).isTrue();
            assertThat(file.path("probeResults").size()).as("no result from outside the site's network").isEqualTo(before);
            assertThat(readTimeline.of(t.getId()).stream().filter(e -> e.getType().equals("PROBE_RECHECK_QUEUED")).toList())
                    .singleElement().satisfies(e -> assertThat(e.getMessage()).startsWith("已请求重新检测设备 " + device.getName()));
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("deviceRecheck")
                    .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).count()).isEqualTo(1);
            assertThat(openTaskKeys(t)).containsExactly("diagnoseAndFix");
        } finally {
            revokeAgent.revoke(agent.getId());
            probeWorker.runOnce(); // the site is the server's again: its worker runs the waiting recheck
        }
        assertThat(api.get("t-eng", "/api/tickets/" + t.getId()).body().path("recheckQueued").asBoolean()).isFalse();
        assertThat(openTaskKeys(t)).as("a recheck does not move the case").containsExactly("diagnoseAndFix");
    }
}
