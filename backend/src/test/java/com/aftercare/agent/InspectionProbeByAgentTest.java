package com.aftercare.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.DeviceType;
import com.aftercare.inspection.InspectionCycle;
import com.aftercare.inspection.SaveInspectionPlan;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16 gap (ADR 0052): a preventive inspection's automated items on a device at a site served by a probe agent are
 * not probed from the server. "Run the probes" queues them for the agent (the agent jar as its own process over HTTP,
 * as in {@link AgentOverHttpTest}); they stay 待检测 until the agent reports, then its result (evaluated by the server)
 * lands on the checklist. An offline agent leaves them open, never passed, and the engineer marks them by hand.
 */
class InspectionProbeByAgentTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired SaveInspectionPlan savePlan;
    @Autowired WatchOfflineAgents watch;

    private ApiClient api;
    private final List<Process> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() {
        agents.forEach(Process::destroyForcibly);
    }

    /** A monthly inspection of this test's site (its one device, type OTHER) with one automated item, time agreed. */
    private long inspectionWithAnAutomatedItem(int year) {
        savePlan.create(new SaveInspectionPlan.PlanCommand(site.getCustomer().getId(), site.getId(), "Agent plan " + System.nanoTime(),
                InspectionCycle.MONTHLY, true, List.of(new SaveInspectionPlan.ItemCommand(DeviceType.OTHER, "设备在线", "自动检测", true)),
                null));
        clock.set(LocalDate.of(year, 3, 1).atTime(7, 0).atZone(SHANGHAI).toInstant());
        managementService.executeJob(managementService.createJobQuery().processDefinitionKey("inspectionPlans")
                .activityId("dayStarted").timers().singleResult().getId());
        JsonNode mine = null;
        for (JsonNode s : api.get("t-desk", "/api/inspections").body()) {
            if (s.path("siteId").asLong() == site.getId()) {
                mine = s;
            }
        }
        assertThat(mine).as("the plan's inspection opened").isNotNull();
        Map<String, Object> time = new HashMap<>();
        time.put("at", Instant.parse(year + "-03-02T02:00:00Z").toString());
        time.put("version", mine.path("version").asLong());
        assertThat(api.post("t-desk", "/api/inspections/" + mine.path("id").asLong() + "/time", time).status()).isEqualTo(200);
        return mine.path("id").asLong();
    }

    private JsonNode line(long inspectionId) {
        JsonNode checks = api.get("t-eng", "/api/inspections/" + inspectionId).body().path("checks");
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private long queuedJobs(long inspectionId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("inspectionProbe")
                .variableValueEquals("inspectionId", inspectionId).count();
    }

    @Test
    void automatedItemsAtAnAgentsSiteAreRunByTheAgentAndLandOnTheChecklist() throws Exception {
        api = new ApiClient(rest);
        assets.allowProbes(site.getId(), "127.0.0.1/32");
        String token = register("巡检探针代理").path("token").asText();
        long id = inspectionWithAnAutomatedItem(2031);

        ApiClient.Response pressed = api.post("t-eng", "/api/inspections/" + id + "/probe", null);
        assertThat(pressed.status()).isEqualTo(200);
        JsonNode queued = pressed.body().path("checks").get(0);
        assertThat(absent(queued.path("result"))).as("not decided by the server").isTrue();
        assertThat(absent(queued.path("probeQueuedAt"))).isFalse();
        // the server's own worker leaves the agent's job alone; pressing again queues nothing twice
        probeWorker.runOnce();
        assertThat(absent(line(id).path("result"))).isTrue();
        assertThat(api.post("t-eng", "/api/inspections/" + id + "/probe", null).status()).isEqualTo(200);
        assertThat(queuedJobs(id)).isEqualTo(1);

        Path log = startAgent(token);
        waitUntil(Duration.ofSeconds(30), () -> !absent(line(id).path("result")), log);
        JsonNode done = line(id);
        // TCP and HTTP against the real device peer, as the agent saw them, judged by the server
        assertThat(done.path("result").asText()).isEqualTo("PASS");
        assertThat(done.path("note").asText()).isEqualTo("自动检测：2/2 项通过");
        assertThat(done.path("checkedBy").asText()).isEqualTo("巡检探针代理");
        assertThat(absent(done.path("probeQueuedAt"))).isTrue();
        assertThat(queuedJobs(id)).isZero();
    }

    @Test
    void anOfflineAgentLeavesTheItemsOpenNeverPassedAndTheEngineerMarksThemByHand() {
        api = new ApiClient(rest);
        JsonNode agent = register("离线巡检代理");
        long id = inspectionWithAnAutomatedItem(2032);

        assertThat(api.post("t-eng", "/api/inspections/" + id + "/probe", null).status()).isEqualTo(200);
        watch.runOnce();
        probeWorker.runOnce();
        JsonNode open = line(id);
        assertThat(absent(open.path("result"))).as("待检测, never auto-passed").isTrue();
        assertThat(absent(open.path("probeQueuedAt"))).isFalse();
        assertThat(api.post("t-eng", "/api/inspections/" + id + "/finish", null).errorFields()).containsExactly("checks");

        // the engineer checks it by hand on site
        Map<String, Object> manual = new HashMap<>();
        manual.put("result", "FAIL");
        manual.put("note", "现场设备无法登录");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/inspections/" + id + "/checks/" + open.path("id").asLong(), manual,
                Map.of()).status()).isEqualTo(200);
        assertThat(line(id).path("result").asText()).isEqualTo("FAIL");

        // the agent revoked: the server takes the job; the engineer's mark stays and the job ends
        assertThat(api.post("t-admin", "/api/admin/probe-agents/" + agent.path("agent").path("id").asLong() + "/revoke", null)
                .status()).isEqualTo(200);
        probeWorker.runOnce();
        assertThat(queuedJobs(id)).isZero();
        JsonNode after = line(id);
        assertThat(after.path("result").asText()).isEqualTo("FAIL");
        assertThat(after.path("note").asText()).isEqualTo("现场设备无法登录");
        assertThat(absent(after.path("probeQueuedAt"))).isTrue();
    }

    private JsonNode register(String name) {
        ApiClient.Response r = api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", name, "customerId", site.getCustomer().getId(), "siteIds", List.of(site.getId())));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    /** The agent jar as its own process, on this test server over loopback HTTP (as AgentOverHttpTest starts it). */
    private Path startAgent(String token) throws IOException {
        String jar = System.getProperty("aftercare.agent.jar");
        assertThat(jar).as("surefire passes aftercare.agent.jar").isNotNull();
        Path log = Files.createTempFile("probe-agent", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar, "--server", "http://127.0.0.1:" + port, "--allow-loopback-devices")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("AFTERCARE_AGENT_TOKEN", token);
        agents.add(pb.start());
        return log;
    }

    private static void waitUntil(Duration max, BooleanSupplier done, Path log) throws Exception {
        long end = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + max + "; agent log:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    /** Null or left out of the JSON. */
    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }
}
