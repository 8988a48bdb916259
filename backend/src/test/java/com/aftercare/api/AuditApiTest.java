package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.AuditTampering;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit trail over HTTP (RP-2, RP-6): each audited entity's changes are recorded with who made
 * them and what changed (secrets masked), in the same transaction (a rejected request leaves no
 * entry); the chain verifies, also after concurrent writers; tampering with a row behind the
 * application's back is named by the verify endpoint; only supervisors and admins read and verify.
 */
class AuditApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired RepositoryService repository;
    ApiClient api;
    AuditTampering chain;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        chain = new AuditTampering(jdbc);
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
    }

    /** The entries for one entity, oldest first, read through the API as a supervisor. */
    List<JsonNode> entries(String entityType, Object entityId) {
        ApiClient.Response r = api.get("t-sup", "/api/audit?entityType=" + entityType + "&entityId=" + entityId + "&size=500");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.body().path("content").forEach(list::add);
        java.util.Collections.reverse(list); // the API answers newest first
        return list;
    }

    static JsonNode only(List<JsonNode> entries, String action) {
        List<JsonNode> matching = entries.stream().filter(e -> e.path("action").asText().equals(action)).toList();
        assertThat(matching).as("%s entries in %s", action, entries).hasSize(1);
        return matching.get(0);
    }

    static JsonNode after(JsonNode entry, String column) {
        return entry.path("changes").path(column).path("after");
    }

    static JsonNode before(JsonNode entry, String column) {
        return entry.path("changes").path(column).path("before");
    }

    void assertChainIntact() {
        ApiClient.Response verified = api.get("t-sup", "/api/audit/verify");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("ok").asBoolean()).as(verified.body().toString()).isTrue();
        assertThat(verified.body().path("entries").asLong()).isEqualTo(chain.headSeq());
    }

    @Test
    void ticketsAndTheirTimelineDevicesAndSitesAreRecordedWithWhoChangedWhat() {
        Long customerId = site.getCustomer().getId();

        ApiClient.Response newSite = api.post("t-desk", "/api/sites", Map.of("customerId", customerId, "name", "Audit site " + System.nanoTime(),
                "address", "Audit road 5", "region", "COUNTY"));
        assertThat(newSite.status()).isEqualTo(201);
        JsonNode siteCreated = only(entries("site", newSite.body().path("id").asLong()), "CREATE");
        assertThat(siteCreated.path("actor").asText()).isEqualTo("t-desk");
        assertThat(siteCreated.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(after(siteCreated, "address").asText()).isEqualTo("Audit road 5");
        assertThat(after(siteCreated, "customer_id").asLong()).isEqualTo(customerId);

        ApiClient.Response newDevice = api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "NVR", "name", "Audit NVR",
                "serialNumber", "SN-AUDIT-" + System.nanoTime(), "ipAddress", "61.135.0.5"));
        assertThat(newDevice.status()).as(newDevice.body().toString()).isEqualTo(201);
        long deviceId = newDevice.body().path("id").asLong();
        ApiClient.Response probe = api.exchange("t-eng", HttpMethod.PUT, "/api/devices/" + deviceId + "/probe",
                Map.of("ipAddress", "61.135.0.6", "probeTcpPorts", "554"), null);
        assertThat(probe.status()).isEqualTo(200);
        List<JsonNode> deviceEntries = entries("device", deviceId);
        JsonNode deviceCreated = only(deviceEntries, "CREATE");
        assertThat(deviceCreated.path("actor").asText()).isEqualTo("t-desk");
        assertThat(deviceCreated.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(after(deviceCreated, "name").asText()).isEqualTo("Audit NVR");
        JsonNode deviceChanged = only(deviceEntries, "UPDATE");
        assertThat(deviceChanged.path("actor").asText()).isEqualTo("t-eng");
        assertThat(deviceChanged.path("customerId").asLong()).isEqualTo(customerId);
        // only what changed, each with its value before and after
        assertThat(fieldNames(deviceChanged.path("changes"))).containsExactlyInAnyOrder("ip_address", "probe_tcp_ports");
        assertThat(before(deviceChanged, "ip_address").asText()).isEqualTo("61.135.0.5");
        assertThat(after(deviceChanged, "ip_address").asText()).isEqualTo("61.135.0.6");
        assertThat(before(deviceChanged, "probe_tcp_ports").isNull()).isTrue();
        assertThat(after(deviceChanged, "probe_tcp_ports").asText()).isEqualTo("554");

        ApiClient.Response created = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        assertThat(created.status()).isEqualTo(201);
        long ticketId = created.body().path("id").asLong();
        JsonNode ticketCreated = only(entries("ticket", ticketId), "CREATE");
        assertThat(ticketCreated.path("actor").asText()).isEqualTo("t-desk");
        assertThat(ticketCreated.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(ticketCreated.path("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(after(ticketCreated, "title").asText()).isEqualTo("Camera C-01 shows no picture");
        assertThat(after(ticketCreated, "site_id").asLong()).isEqualTo(site.getId());
        // the number is set right after the insert, in the same transaction: one entry with the committed state
        assertThat(after(ticketCreated, "number").asText()).isEqualTo(created.body().path("number").asText());

        ApiClient.Response held = api.post("t-desk", "/api/tickets/" + ticketId + "/hold", Map.of("reason", "WAITING_CUSTOMER"));
        assertThat(held.status()).isEqualTo(200);
        JsonNode ticketHeld = only(entries("ticket", ticketId), "UPDATE");
        assertThat(ticketHeld.path("actor").asText()).isEqualTo("t-desk");
        assertThat(before(ticketHeld, "hold_reason").isNull()).as(ticketHeld.toString()).isTrue();
        assertThat(after(ticketHeld, "hold_reason").asText()).isEqualTo("WAITING_CUSTOMER");

        // the ticket's own history: the ticket's entries and its timeline, oldest first
        ApiClient.Response history = api.get("t-sup", "/api/tickets/" + ticketId + "/audit");
        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> lines = StreamSupport.stream(history.body().path("content").spliterator(), false).toList();
        assertThat(lines).allSatisfy(e -> {
            assertThat(e.path("ticketId").asLong()).isEqualTo(ticketId);
            assertThat(e.path("customerId").asLong()).isEqualTo(customerId);
        });
        assertThat(lines.stream().map(e -> e.path("seq").asLong()).toList()).isSorted();
        assertThat(lines.stream().map(e -> e.path("entityType").asText() + " " + e.path("action").asText()).toList())
                .startsWith("ticket CREATE", "ticket_event CREATE").contains("ticket UPDATE");
        assertThat(lines.stream().filter(e -> e.path("entityType").asText().equals("ticket_event"))
                .map(e -> after(e, "type").asText()).toList()).contains("CREATED", "LEVEL", "ON_HOLD");
        assertThat(lines.stream().filter(e -> after(e, "type").asText().equals("ON_HOLD")).findFirst().orElseThrow()
                .path("actor").asText()).isEqualTo("t-desk");

        assertChainIntact();
    }

    @Test
    void customersContractsPoliciesModelsAndUsersAreRecordedWithSecretsMasked() throws Exception {
        // customers have no API yet: created by a service call on behalf of a signed-in admin
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("t-admin", null, "ROLE_ADMIN"));
        Customer customer;
        try {
            customer = assets.createCustomer("Audit customer " + System.nanoTime());
        } finally {
            SecurityContextHolder.clearContext();
        }
        JsonNode customerCreated = only(entries("customer", customer.getId()), "CREATE");
        assertThat(customerCreated.path("actor").asText()).isEqualTo("t-admin");
        assertThat(customerCreated.path("customerId").asLong()).isEqualTo(customer.getId());
        assertThat(after(customerCreated, "name").asText()).isEqualTo(customer.getName());

        String wecomKey = "wecom-key-" + System.nanoTime();
        String dingtalkToken = "dingtalk-token-" + System.nanoTime();
        String dingtalkSecret = "SECdingtalk-secret-" + System.nanoTime();
        Map<String, Object> contract = new HashMap<>(Map.of("name", "O&M 2026", "policyCode", "THREE_LEVEL", "calendar", "SEVEN_BY_24",
                "notifyEmail", false, "wecomWebhookUrl", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + wecomKey,
                "dingtalkWebhookUrl", "https://oapi.dingtalk.com/robot/send?access_token=" + dingtalkToken, "dingtalkSecret", dingtalkSecret));
        ApiClient.Response saved = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + customer.getId(), contract, null);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        contract.put("projectManager", "t-sup");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + customer.getId(), contract, null).status()).isEqualTo(200);
        List<JsonNode> contractEntries = entries("service_contract", saved.body().path("id").asLong());
        JsonNode contractCreated = only(contractEntries, "CREATE");
        assertThat(contractCreated.path("actor").asText()).isEqualTo("t-admin");
        assertThat(contractCreated.path("customerId").asLong()).isEqualTo(customer.getId());
        assertThat(after(contractCreated, "wecom_webhook_url").asText()).isEqualTo("***");
        assertThat(after(contractCreated, "dingtalk_webhook_url").asText()).isEqualTo("***");
        assertThat(after(contractCreated, "dingtalk_secret").asText()).isEqualTo("***");
        JsonNode contractChanged = only(contractEntries, "UPDATE");
        assertThat(fieldNames(contractChanged.path("changes"))).containsExactly("project_manager");
        String stored = jdbc.queryForObject("select changes from audit_log where seq = ?", String.class, contractCreated.path("seq").asLong());
        assertThat(stored).doesNotContain(wecomKey).doesNotContain(dingtalkToken).doesNotContain(dingtalkSecret);

        String code = "AUDIT_" + System.nanoTime();
        Map<String, Object> policy = new HashMap<>(Map.of("code", code, "name", "Audit policy", "levelDecision", "faultLevel",
                "levels", List.of(Map.of("code", "1", "name", "L1", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT15M"))),
                        Map.of("code", "2", "name", "L2", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT30M"))),
                        Map.of("code", "3", "name", "L3", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT30M")))),
                "escalation", List.of(Map.of("name", "BREACH", "percent", 100, "recipients", List.of("SUPERVISORS")))));
        ApiClient.Response v1 = api.post("t-admin", "/api/sla/policies", policy);
        assertThat(v1.status()).as(v1.body().toString()).isEqualTo(201);
        policy.remove("code");
        ApiClient.Response v2 = api.exchange("t-admin", HttpMethod.PUT, "/api/sla/policies/" + code, policy, null);
        assertThat(v2.status()).isEqualTo(200);
        List<JsonNode> v1Entries = entries("sla_policy", v1.body().path("id").asLong());
        assertThat(only(v1Entries, "CREATE").path("actor").asText()).isEqualTo("t-admin");
        assertThat(after(only(v1Entries, "CREATE"), "code").asText()).isEqualTo(code);
        JsonNode superseded = only(v1Entries, "UPDATE");
        assertThat(superseded.path("actor").asText()).isEqualTo("t-admin");
        assertThat(before(superseded, "current_version").asBoolean()).isTrue();
        assertThat(after(superseded, "current_version").asBoolean()).isFalse();
        assertThat(superseded.has("customerId")).isFalse(); // not customer data: only supervisors and admins see it
        JsonNode v2Created = only(entries("sla_policy", v2.body().path("id").asLong()), "CREATE");
        assertThat(after(v2Created, "version").asInt()).isEqualTo(2);

        String dispatch;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/dispatch.bpmn")) {
            dispatch = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ApiClient.Response deployed = api.post("t-owner", "/api/models/deployments", Map.of("fileName", "dispatch.bpmn",
                "xml", dispatch.replace(">PT20M<", ">PT25M<"), "comment", "Audit test: remind after 25 minutes"));
        assertThat(deployed.status()).as(deployed.body().toString()).isEqualTo(201);
        try {
            Long changeId = jdbc.queryForObject("select max(id) from model_change where deployment_id = ?", Long.class,
                    deployed.body().path("deploymentId").asText());
            JsonNode modelChange = only(entries("model_change", changeId), "CREATE");
            assertThat(modelChange.path("actor").asText()).isEqualTo("t-owner");
            assertThat(after(modelChange, "action").asText()).isEqualTo("DEPLOYED");
            assertThat(after(modelChange, "model_key").asText()).isEqualTo("dispatch");
            assertThat(after(modelChange, "summary").asText()).contains("Audit test: remind after 25 minutes");
        } finally {
            repository.deleteDeployment(deployed.body().path("deploymentId").asText(), true);
        }

        String username = "t-audit-" + System.nanoTime();
        accounts.createIfAbsent(username, "a-password", "Audit User", Set.of(Role.SERVICE_DESK));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("t-admin", null, "ROLE_ADMIN"));
        try {
            accounts.setContact(username, "audit@example.com", "13900000001");
        } finally {
            SecurityContextHolder.clearContext();
        }
        List<JsonNode> userEntries = entries("app_user", username);
        JsonNode userCreated = only(userEntries, "CREATE");
        assertThat(userCreated.path("actor").asText()).isEqualTo("system");
        assertThat(after(userCreated, "password_hash").asText()).isEqualTo("***");
        assertThat(after(userCreated, "roles").asText()).isEqualTo("SERVICE_DESK");
        String passwordHash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, username);
        String storedUser = jdbc.queryForObject("select changes from audit_log where seq = ?", String.class, userCreated.path("seq").asLong());
        assertThat(storedUser).doesNotContain(passwordHash).doesNotContain("{bcrypt}").doesNotContain("a-password");
        JsonNode contactSet = only(userEntries, "UPDATE");
        assertThat(contactSet.path("actor").asText()).isEqualTo("t-admin");
        assertThat(fieldNames(contactSet.path("changes"))).containsExactlyInAnyOrder("email", "mobile");

        assertChainIntact();
    }

    @Test
    void aRejectedRequestLeavesNoAuditEntry() {
        long ticketId = report(com.aftercare.ticket.Category.DEFECT).getId();
        long head = chain.headSeq();
        Map<String, Object> unknownSite = ticketBody("HOTLINE", "LOW", "LOW");
        unknownSite.put("siteId", 987654);
        assertThat(api.post("t-desk", "/api/tickets", unknownSite).errorFields()).containsExactly("siteId");
        Map<String, Object> future = ticketBody("HOTLINE", "LOW", "LOW");
        future.put("receivedAt", clock.instant().plusSeconds(3600).toString());
        assertThat(api.post("t-desk", "/api/tickets", future).errorFields()).containsExactly("receivedAt");
        assertThat(api.post("t-desk", "/api/devices", Map.of("siteId", site.getId(), "type", "CAMERA", "name", "Twin",
                "serialNumber", device.getSerialNumber())).errorFields()).containsExactly("serialNumber");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/devices/" + device.getId() + "/probe",
                Map.of("ipAddress", "10.0.0.9", "probeTcpPorts", "99999"), null).errorFields()).containsExactly("probeTcpPorts");
        assertThat(api.exchange("t-sup", HttpMethod.PUT, "/api/tickets/" + ticketId + "/level",
                Map.of("level", "9", "reason", "wrong"), null).errorFields()).containsExactly("level");
        assertThat(api.post("t-desk", "/api/tickets/" + ticketId + "/hold", Map.of("reason", "LUNCH")).errorFields())
                .containsExactly("reason");
        assertThat(chain.headSeq()).isEqualTo(head);
        assertThat(chain.entriesAfter(head)).isEmpty();
    }

    @Test
    void onlySupervisorsAndAdminsVerifyAndReadTheTrail() {
        long ticketId = report(com.aftercare.ticket.Category.DEFECT).getId();
        assertThat(api.get(null, "/api/audit/verify").status()).isEqualTo(401);
        assertThat(api.get("t-desk", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("t-eng", "/api/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/audit/verify").status()).isEqualTo(200);
        assertThat(api.get("t-admin", "/api/audit/verify").status()).isEqualTo(200);
        assertThat(api.get("t-desk", "/api/audit").status()).isEqualTo(403);
        assertThat(api.get("t-eng", "/api/audit?entityType=ticket").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/audit").status()).isEqualTo(200);
        assertThat(api.get("t-admin", "/api/audit").status()).isEqualTo(200);
        assertThat(api.get("t-desk", "/api/tickets/" + ticketId + "/audit").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/tickets/" + ticketId + "/audit").status()).isEqualTo(200);
    }

    @Test
    void readingFiltersByCustomerEntityAndTime() {
        long ticketId = report(com.aftercare.ticket.Category.DEFECT).getId();
        Long customerId = site.getCustomer().getId();
        ApiClient.Response mine = api.get("t-sup", "/api/audit?customerId=" + customerId + "&size=500");
        assertThat(mine.body().path("content").size()).isPositive();
        assertThat(mine.body().path("content")).allSatisfy(e -> assertThat(e.path("customerId").asLong()).isEqualTo(customerId));
        // this test's customer, site, device and ticket, all owned by the customer
        assertThat(StreamSupport.stream(mine.body().path("content").spliterator(), false).map(e -> e.path("entityType").asText())
                .collect(Collectors.toSet())).contains("customer", "site", "device", "ticket", "ticket_event");
        List<Long> seqs = StreamSupport.stream(mine.body().path("content").spliterator(), false).map(e -> e.path("seq").asLong()).toList();
        assertThat(seqs).isSortedAccordingTo(java.util.Comparator.reverseOrder()); // newest first

        String at = api.get("t-sup", "/api/audit?entityType=ticket&entityId=" + ticketId).body().path("content").get(0)
                .path("occurredAt").asText();
        java.time.Instant t = java.time.Instant.parse(at);
        assertThat(api.get("t-sup", "/api/audit?entityType=ticket&entityId=" + ticketId + "&from=" + t + "&to=" + t.plusMillis(1))
                .body().path("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("t-sup", "/api/audit?entityType=ticket&entityId=" + ticketId + "&to=" + t).body().path("totalElements").asLong())
                .isZero();

        assertThat(api.get("t-sup", "/api/audit?entityType=tickets").errorFields()).containsExactly("entityType");
        assertThat(api.get("t-sup", "/api/audit?from=yesterday").errorFields()).containsExactly("from");
        assertThat(api.get("t-sup", "/api/audit?from=" + t + "&to=" + t).errorFields()).containsExactly("to");
        assertThat(api.get("t-sup", "/api/audit/verify?anchor=12").errorFields()).containsExactly("anchor");
    }

    @Test
    void theVerifyEndpointNamesTheFirstChangedOrDeletedEntry() {
        long ticketId = report(com.aftercare.ticket.Category.DEFECT).getId();
        long entry = jdbc.queryForObject("select min(seq) from audit_log where entity_type = 'ticket' and entity_id = ?", Long.class,
                String.valueOf(ticketId));
        report(com.aftercare.ticket.Category.DEFECT); // so the entry is in the middle of the chain
        assertChainIntact();

        try (AuditTampering.Undo undo = chain.update(entry, "actor", "nobody")) {
            JsonNode verified = api.get("t-sup", "/api/audit/verify").body();
            assertThat(verified.path("ok").asBoolean()).isFalse();
            assertThat(verified.path("entries").asLong()).isEqualTo(chain.headSeq());
            assertThat(verified.path("firstBadEntry").path("seq").asLong()).isEqualTo(entry);
            assertThat(verified.path("firstBadEntry").path("reason").asText()).isEqualTo("hash mismatch: row changed");
        }
        try (AuditTampering.Undo undo = chain.update(entry, "changes", "{\"title\":{\"before\":null,\"after\":\"nothing happened\"}}")) {
            JsonNode verified = api.get("t-admin", "/api/audit/verify").body();
            assertThat(verified.path("firstBadEntry").path("seq").asLong()).isEqualTo(entry);
            assertThat(verified.path("firstBadEntry").path("reason").asText()).isEqualTo("hash mismatch: row changed");
        }
        assertChainIntact();

        try (AuditTampering.Undo undo = chain.delete(entry)) {
            JsonNode verified = api.get("t-sup", "/api/audit/verify").body();
            assertThat(verified.path("ok").asBoolean()).isFalse();
            assertThat(verified.path("entries").asLong()).isEqualTo(chain.headSeq() - 1);
            assertThat(verified.path("firstBadEntry").path("seq").asLong()).isEqualTo(entry);
            assertThat(verified.path("firstBadEntry").path("reason").asText()).isEqualTo("sequence gap: row deleted");
        }
        assertChainIntact();
    }

    @Test
    void concurrentWritersStillMakeOneValidChain() throws Exception {
        long head = chain.headSeq();
        int threads = 4;
        int perThread = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ApiClient.Response r = api.post("t-desk", "/api/tickets", ticketBody("WEB", "LOW", "LOW"));
                    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
                    ids.add(r.body().path("id").asLong());
                }
                return ids;
            }));
        }
        List<Long> ticketIds = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            ticketIds.addAll(f.get());
        }
        pool.shutdown();

        List<Map<String, Object>> appended = chain.entriesAfter(head);
        assertThat(appended.stream().map(e -> ((Number) e.get("seq")).longValue()).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(head + 1, chain.headSeq()).boxed().toList());
        for (int i = 1; i < appended.size(); i++) {
            assertThat(appended.get(i).get("prev_hash")).isEqualTo(appended.get(i - 1).get("entry_hash"));
        }
        for (Long id : ticketIds) {
            List<Map<String, Object>> created = appended.stream()
                    .filter(e -> e.get("entity_type").equals("ticket") && e.get("entity_id").equals(String.valueOf(id))).toList();
            assertThat(created).hasSize(1);
            assertThat(created.get(0).get("actor")).isEqualTo("t-desk");
            assertThat(created.get(0).get("action")).isEqualTo("CREATE");
        }
        assertChainIntact();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
