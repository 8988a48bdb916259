package com.aftercare.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Issue 14, probe agent: the agent jar (agent/target/aftercare-probe-agent.jar, built by the reactor before these
 * tests) runs as its own process against this test server, with a token an admin registered over the API, and probes
 * a real device peer on loopback (the test's FakeDevice, or a device that hangs). Waits are short: the test profile
 * sets aftercare.agent.lock to 4 s and the long poll to 2 s.
 */
class AgentOverHttpTest extends IntegrationTest {

    private static final Duration LOCK = Duration.ofSeconds(4);

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ExternalTaskService externalTasks;
    @Autowired WatchOfflineAgents watch;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.aftercare.audit.AuditService audit;

    private ApiClient api;
    private final List<Process> agents = new ArrayList<>();
    private final List<HttpServer> hangingDevices = new ArrayList<>();

    @AfterEach
    void stopAgents() {
        agents.forEach(Process::destroyForcibly);
        hangingDevices.forEach(s -> s.stop(0));
    }

    @Test
    void theAgentServesItsSitesJobOverHttpAndTheCaseMovesOnWhileAnotherCustomersJobIsNeverGivenToIt() throws Exception {
        api = new ApiClient(rest);
        assets.allowProbes(site.getId(), "127.0.0.1/32");
        // another customer's case waits for the probe too: the agent must never get it
        Site otherSite = otherCustomersSite();
        Device otherDevice = assets.createDevice(new NewDevice(otherSite.getId(), DeviceType.OTHER, "Other camera " + System.nanoTime(),
                "X1", "SN-O-" + System.nanoTime(), "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
        Device mine = device;
        Site mySite = site;
        device = otherDevice;
        site = otherSite;
        Ticket other = report(Category.DEFECT);
        device = mine;
        site = mySite;
        // the other customer also has an agent; it serves only its own site
        register("Other agent", otherSite);
        dispatchAndFix(other);

        JsonNode created = register("东门机房代理", site);
        String token = created.path("token").asText();
        assertThat(token).startsWith("acpa_").hasSizeGreaterThan(40);
        Path log = startAgent(token);

        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        // the server's own worker leaves the agent's job alone
        probeWorker.runOnce();
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> e.getType().startsWith("PROBE_"));

        waitUntil(Duration.ofSeconds(30), () -> openTaskKeys(ticket).contains("confirmCompletion"), log);
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_PASSED")
                && e.getActor().equals("probe-agent:东门机房代理"));
        // TCP and HTTP against the real device peer, as the agent saw them
        assertThat(jdbc.queryForObject("select count(*) from probe_result where ticket_id = ? and passed = true", Integer.class,
                ticket.getId())).isEqualTo(1);

        // the other customer's job: never locked by this agent, still waiting (its own agent is not running)
        assertThat(tickets.get(other.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        assertThat(jobOf(other).getWorkerId()).isNull();
        assertThat(readTimeline.of(other.getId())).noneMatch(e -> e.getType().startsWith("PROBE_"));
        // and a fetch with this agent's token does not list it
        ApiClient.Response fetched = api.post(null, "/api/agent/jobs/fetch", Map.of("maxJobs", 5), bearer(token));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEmpty();

        // the admin page shows it online, with its site, and never the token
        ApiClient.Response list = api.get("t-admin", "/api/admin/probe-agents");
        JsonNode row = find(list.body(), created.path("agent").path("id").asLong());
        assertThat(row.path("status").asText()).isEqualTo("ONLINE");
        assertThat(row.path("sites").get(0).path("id").asLong()).isEqualTo(site.getId());
        assertThat(list.body().toString()).doesNotContain(token);
        // the agent's log never shows its token
        assertThat(Files.readString(log)).doesNotContain(token);
    }

    @Test
    void aRevokedTokenGets401AndTheAgentStopsAndTheTokenWorksNowhereElse() throws Exception {
        api = new ApiClient(rest);
        JsonNode created = register("Revoked agent", site);
        String token = created.path("token").asText();
        assertThat(api.post(null, "/api/agent/jobs/fetch", Map.of(), bearer(token)).status()).isEqualTo(200);
        // an agent token is no user's credential
        assertThat(api.exchange(null, org.springframework.http.HttpMethod.GET, "/api/tickets", null, bearer(token)).status())
                .isEqualTo(401);
        // and a user's credentials are no agent's
        assertThat(api.post("t-admin", "/api/agent/jobs/fetch", Map.of()).status()).isEqualTo(401);
        assertThat(api.post(null, "/api/agent/jobs/fetch", Map.of(), bearer("acpa_unknown")).status()).isEqualTo(401);
        Path log = startAgent(token);
        Process agent = agents.get(agents.size() - 1);

        ApiClient.Response revoked = api.post("t-admin", "/api/admin/probe-agents/" + created.path("agent").path("id").asLong()
                + "/revoke", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().path("status").asText()).isEqualTo("REVOKED");

        assertThat(api.post(null, "/api/agent/jobs/fetch", Map.of(), bearer(token)).status()).isEqualTo(401);
        // the running agent gets 401 at its next poll (the long poll is 2 s here) and stops with status 3
        assertThat(agent.waitFor(15, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(agent.exitValue()).isEqualTo(3);
    }

    @Test
    void killingTheAgentMidJobLeavesTheJobLockedThenFetchableAgainAndTheCaseNeverPasses() throws Exception {
        api = new ApiClient(rest);
        assets.allowProbes(site.getId(), "127.0.0.1/32");
        CountDownLatch probed = new CountDownLatch(1);
        HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.createContext("/", exchange -> {
            probed.countDown();
            try {
                Thread.sleep(60_000); // a device that accepts and never answers: the agent is mid-job
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hanging.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        hanging.start();
        hangingDevices.add(hanging);
        int hangPort = hanging.getAddress().getPort();
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.OTHER, "Hanging camera " + System.nanoTime(), "X1",
                "SN-H-" + System.nanoTime(), "127.0.0.1", null, String.valueOf(hangPort), "http://127.0.0.1:" + hangPort + "/status",
                false));
        JsonNode created = register("Killed agent", site);
        String token = created.path("token").asText();
        String worker = "probe-agent-" + created.path("agent").path("id").asLong();
        Path log = startAgent(token);
        Process agent = agents.get(agents.size() - 1);

        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        assertThat(probed.await(20, TimeUnit.SECONDS)).as("agent reached the device; log: %s", Files.readString(log)).isTrue();
        ExternalTask held = jobOf(ticket);
        assertThat(held.getWorkerId()).isEqualTo(worker);

        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        // still locked by the dead agent: nobody else gets it, the server's worker included
        probeWorker.runOnce();
        assertThat(jobOf(ticket).getWorkerId()).isEqualTo(worker);
        assertThat(jobOf(ticket).getLockExpirationTime()).isAfter(new java.util.Date());
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);

        // once the lock expires the job is the agent's to fetch again
        waitUntil(LOCK.plusSeconds(6), () -> externalTasks.createExternalTaskQuery().externalTaskId(held.getId()).notLocked()
                .count() == 1, log);
        ApiClient.Response again = api.post(null, "/api/agent/jobs/fetch", Map.of(), bearer(token));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).hasSize(1);
        assertThat(again.body().get(0).path("jobId").asText()).isEqualTo(held.getId());
        assertThat(again.body().get(0).path("ticketNumber").asText()).isEqualTo(tickets.get(ticket.getId()).getNumber());
        assertThat(again.body().get(0).path("job").path("siteNetworks").get(0).asText()).isEqualTo("127.0.0.1/32");

        // it never passed on its own
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> e.getType().equals("PROBE_PASSED"));

        // a failure report gives it back for a retry after the (test) retry delay; the case still does not pass
        ApiClient.Response failed = api.post(null, "/api/agent/jobs/" + held.getId() + "/failure",
                Map.of("reason", "device did not answer"), bearer(token));
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.body().path("triesLeft").asInt()).isEqualTo(2);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        revoke(created);
    }

    @Test
    void theResultOfAJobNotHeldIsRefusedAndAResultMustAnswerEveryCheck() {
        api = new ApiClient(rest);
        JsonNode mine = register("Result agent", site);
        JsonNode foreign = register("Foreign agent", otherCustomersSite());
        String token = mine.path("token").asText();
        String foreignToken = foreign.path("token").asText();
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);

        ApiClient.Response fetched = api.post(null, "/api/agent/jobs/fetch", Map.of("maxJobs", 1), bearer(token));
        assertThat(fetched.body()).hasSize(1);
        String jobId = fetched.body().get(0).path("jobId").asText();
        Map<String, Object> tcpOk = Map.of("kind", "TCP", "target", "127.0.0.1:" + DEVICE.port(), "ok", true, "reason", "OK",
                "detail", "connected", "durationMillis", 3);
        Map<String, Object> httpDown = Map.of("kind", "HTTP", "target", DEVICE.url(), "ok", false, "reason", "CONNECTION_REFUSED",
                "detail", "connection refused", "durationMillis", 2);

        assertThat(api.post(null, "/api/agent/jobs/" + jobId + "/result", result(List.of(tcpOk, httpDown)), bearer(foreignToken))
                .status()).isEqualTo(409);
        assertThat(api.post(null, "/api/agent/jobs/no-such-job/result", result(List.of(tcpOk)), bearer(token)).status())
                .isEqualTo(404);
        ApiClient.Response missingHttp = api.post(null, "/api/agent/jobs/" + jobId + "/result", result(List.of(tcpOk)), bearer(token));
        assertThat(missingHttp.status()).isEqualTo(400);
        assertThat(missingHttp.errorFields()).containsExactly("outcomes");
        ApiClient.Response noTimes = api.post(null, "/api/agent/jobs/" + jobId + "/result", Map.of("outcomes", List.of(tcpOk, httpDown)),
                bearer(token));
        assertThat(noTimes.status()).isEqualTo(400);
        assertThat(noTimes.errorFields()).containsExactlyInAnyOrder("startedAt", "finishedAt");

        ApiClient.Response recorded = api.post(null, "/api/agent/jobs/" + jobId + "/result", result(List.of(tcpOk, httpDown)),
                bearer(token));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
        assertThat(recorded.body().path("passed").asBoolean()).isFalse();
        // the server's verdict: one of two checks failed, so the case goes back to the engineer
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_FAILED"));
        // reporting twice: the job is gone
        assertThat(api.post(null, "/api/agent/jobs/" + jobId + "/result", result(List.of(tcpOk, httpDown)), bearer(token)).status())
                .isEqualTo(404);
    }

    @Test
    void aJobWaitingForAnOfflineAgentIsToldToTheDeskOnceAndNeverPasses() {
        api = new ApiClient(rest);
        JsonNode created = register("Offline agent", site);
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);

        // registered but never called: offline at once
        watch.runOnce();
        watch.runOnce();
        probeWorker.runOnce();

        assertThat(readTimeline.of(ticket.getId()).stream().filter(e -> e.getType().equals("PROBE_WAITING")).toList())
                .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("Offline agent").contains(site.getName())
                        .contains("已离线"));
        assertThat(jdbc.queryForObject("select count(*) from notification where ticket_id = ? and recipient_role = 'SERVICE_DESK'"
                + " and event_type = 'ProbeWaitsForAgent'", Integer.class, ticket.getId())).isEqualTo(1);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> e.getType().equals("PROBE_PASSED"));

        // after revoking the agent its site's jobs are the server's again
        revoke(created);
        probeWorker.runOnce();
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> e.getType().equals("PROBE_PASSED"));
    }

    @Test
    void registrationNamesTheBadFieldAndASiteHasOneActiveAgent() {
        api = new ApiClient(rest);
        ApiClient.Response noSites = api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", "x", "customerId", site.getCustomer().getId(), "siteIds", List.of()));
        assertThat(noSites.status()).isEqualTo(400);
        assertThat(noSites.errorFields()).containsExactly("siteIds");
        Site other = otherCustomersSite();
        ApiClient.Response foreignSite = api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", "x", "customerId", site.getCustomer().getId(), "siteIds", List.of(other.getId())));
        assertThat(foreignSite.status()).isEqualTo(400);
        assertThat(foreignSite.errorFields()).containsExactly("siteIds");
        ApiClient.Response noName = api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", " ", "customerId", site.getCustomer().getId(), "siteIds", List.of(site.getId())));
        assertThat(noName.errorFields()).containsExactly("name");
        assertThat(api.post("t-desk", "/api/admin/probe-agents",
                Map.of("name", "x", "customerId", site.getCustomer().getId(), "siteIds", List.of(site.getId()))).status()).isEqualTo(403);

        register("First", site);
        assertThat(api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", "Second", "customerId", site.getCustomer().getId(), "siteIds", List.of(site.getId()))).status())
                .isEqualTo(409);
    }

    /**
     * ADR 0042: "check again now" at a site served by a running agent: the recheck is queued (202), the case shows it
     * (recheckQueued) until the agent, started as its own process, fetches the job like a verification job and reports;
     * the result lands like any other (timeline by the agent, probe result kept) and the case does not move.
     */
    @Test
    void aRecheckAtTheAgentsSiteIsRunByTheAgentAndItsResultLandsOnTheCase() throws Exception {
        api = new ApiClient(rest);
        assets.allowProbes(site.getId(), "127.0.0.1/32");
        String token = register("重新检测代理", site).path("token").asText();
        Ticket ticket = report(Category.DEFECT);
        java.util.Set<String> stepsBefore = openTaskKeys(ticket);

        ApiClient.Response queued = api.post("t-desk", "/api/tickets/" + ticket.getId() + "/probe-results", Map.of());
        assertThat(queued.status()).isEqualTo(202);
        assertThat(api.get("t-desk", "/api/tickets/" + ticket.getId()).body().path("recheckQueued").asBoolean()).isTrue();
        probeWorker.runOnce();
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> e.getType().startsWith("PROBE_PASSED"));

        Path log = startAgent(token);
        waitUntil(Duration.ofSeconds(30), () -> readTimeline.of(ticket.getId()).stream()
                .anyMatch(e -> e.getType().equals("PROBE_PASSED") && e.getActor().equals("probe-agent:重新检测代理")), log);
        assertThat(jdbc.queryForObject("select count(*) from probe_result where ticket_id = ? and passed = true", Integer.class,
                ticket.getId())).isEqualTo(1);
        JsonNode file = api.get("t-desk", "/api/tickets/" + ticket.getId()).body();
        assertThat(file.path("recheckQueued").asBoolean()).isFalse();
        assertThat(file.path("probeResults").get(file.path("probeResults").size() - 1).path("passed").asBoolean()).isTrue();
        assertThat(openTaskKeys(ticket)).as("a recheck does not move the case").isEqualTo(stepsBefore);
    }

    /** ADR 0042: a recheck queued for an offline agent waits (the desk is told once) and never passes. */
    @Test
    void aRecheckForAnOfflineAgentWaitsTheDeskIsToldAndItNeverPasses() {
        api = new ApiClient(rest);
        JsonNode created = register("离线的代理", site);
        Ticket ticket = report(Category.DEFECT);

        assertThat(api.post("t-desk", "/api/tickets/" + ticket.getId() + "/probe-results", Map.of()).status()).isEqualTo(202);
        watch.runOnce();
        watch.runOnce();
        probeWorker.runOnce();

        assertThat(readTimeline.of(ticket.getId()).stream().filter(e -> e.getType().equals("PROBE_WAITING")).toList())
                .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("离线的代理").contains("已离线"));
        assertThat(jdbc.queryForObject("select count(*) from notification where ticket_id = ? and recipient_role = 'SERVICE_DESK'"
                + " and event_type = 'ProbeWaitsForAgent'", Integer.class, ticket.getId())).isEqualTo(1);
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> e.getType().equals("PROBE_PASSED"));
        assertThat(jdbc.queryForObject("select count(*) from probe_result where ticket_id = ?", Integer.class, ticket.getId()))
                .isZero();
        assertThat(api.get("t-desk", "/api/tickets/" + ticket.getId()).body().path("recheckQueued").asBoolean()).isTrue();
        revoke(created);
        probeWorker.runOnce(); // revoked: the site's jobs are the server's again
    }

    /**
     * Issue 14 gap (ADR 0042): registering and revoking a probe agent or a monitoring source is in the audit chain, with
     * who and when, never the token or key (nor their hashes); an agent's heartbeat adds nothing; the chain verifies.
     */
    @Test
    void registeringAndRevokingAgentsAndMonitoringSourcesIsAuditedWithoutTheirSecrets() {
        api = new ApiClient(rest);
        JsonNode agent = register("审计代理", site);
        String token = agent.path("token").asText();
        String agentId = agent.path("agent").path("id").asText();
        assertThat(api.post(null, "/api/agent/jobs/fetch", Map.of(), bearer(token)).status()).isEqualTo(200); // a heartbeat
        revoke(agent);
        ApiClient.Response source = api.post("t-admin", "/api/admin/alarm-sources",
                Map.of("name", "Zabbix 审计", "kind", "ZABBIX", "customerId", site.getCustomer().getId()));
        assertThat(source.status()).isEqualTo(201);
        String key = source.body().path("key").asText();
        String sourceId = source.body().path("source").path("id").asText();
        assertThat(api.post("t-admin", "/api/admin/alarm-sources/" + sourceId + "/revoke", Map.of()).status()).isEqualTo(200);

        List<Map<String, Object>> agentEntries = jdbc.queryForList("select actor, action, changes, customer_id from audit_log"
                + " where entity_type = 'probe_agent' and entity_id = ? order by seq", agentId);
        assertThat(agentEntries).extracting(e -> e.get("actor") + " " + e.get("action"))
                .containsExactly("t-admin CREATE", "t-admin UPDATE");
        assertThat(agentEntries.get(0).get("changes").toString()).contains("审计代理").contains("\"token_sha256\"")
                .doesNotContain(token).doesNotContain(AgentTokens.sha256(token));
        assertThat(agentEntries.get(1).get("changes").toString()).contains("revoked_at").contains("revoked_by")
                .doesNotContain("last_seen_at");
        assertThat(((Number) agentEntries.get(0).get("customer_id")).longValue()).isEqualTo(site.getCustomer().getId());

        List<Map<String, Object>> sourceEntries = jdbc.queryForList("select actor, action, changes from audit_log"
                + " where entity_type = 'monitoring_source' and entity_id = ? order by seq", sourceId);
        assertThat(sourceEntries).extracting(e -> e.get("actor") + " " + e.get("action"))
                .containsExactly("t-admin CREATE", "t-admin UPDATE");
        String created = sourceEntries.get(0).get("changes").toString();
        assertThat(created).contains("Zabbix 审计").contains("key_hash").doesNotContain(key)
                .doesNotContain(AgentTokens.sha256(key)); // the same SHA-256 hex as AlarmKeys.hash
        assertThat(sourceEntries.get(1).get("changes").toString()).contains("revoked_at");
        assertThat(audit.verify(java.util.Optional.empty()).ok()).isTrue();
    }

    private Site otherCustomersSite() {
        Customer c = assets.createCustomer("Other customer " + System.nanoTime());
        return assets.createSite(new NewSite(c.getId(), "Other site " + System.nanoTime(), "Road 2", Region.CITY, "Contact", "456"));
    }

    private JsonNode register(String name, Site at) {
        ApiClient.Response r = api.post("t-admin", "/api/admin/probe-agents",
                Map.of("name", name, "customerId", at.getCustomer().getId(), "siteIds", List.of(at.getId())));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private void revoke(JsonNode created) {
        assertThat(api.post("t-admin", "/api/admin/probe-agents/" + created.path("agent").path("id").asLong() + "/revoke", null)
                .status()).isEqualTo(200);
    }

    private static Map<String, Object> result(List<Map<String, Object>> outcomes) {
        return Map.of("outcomes", outcomes, "startedAt", "2026-12-04T08:00:00Z", "finishedAt", "2026-12-04T08:00:01Z");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private ExternalTask jobOf(Ticket ticket) {
        String number = tickets.get(ticket.getId()).getNumber();
        return externalTasks.createExternalTaskQuery().topicName(ProbeRoutes.TOPIC).list().stream()
                .filter(t -> number.equals(runtimeService.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                        .singleResult().getBusinessKey())
                        || ticket.getId().equals(toLong(runtimeService.getVariable(t.getExecutionId(), "ticketId"))))
                .findFirst().orElseThrow(() -> new AssertionError("no probe job for " + number));
    }

    private static Long toLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.path("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("agent " + id + " not listed");
    }

    /** The agent jar as its own process, on this test server over loopback HTTP; its output goes to a file. */
    private Path startAgent(String token) throws IOException {
        String jar = System.getProperty("aftercare.agent.jar");
        assertThat(jar).as("surefire passes aftercare.agent.jar").isNotNull();
        assertThat(Path.of(jar)).as("the reactor builds the agent jar before these tests").exists();
        Path log = Files.createTempFile("probe-agent", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar, "--server", "http://127.0.0.1:" + port, "--allow-loopback-devices")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the token from the environment, as a service unit would set it: not in the process list
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
}
