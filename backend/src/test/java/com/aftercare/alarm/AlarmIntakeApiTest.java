package com.aftercare.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.ReadCaseTimeline;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Monitoring alarm intake over HTTP as a monitoring system sends it (IN-1, issue 14): the real sample payloads of
 * each format (src/test/resources/alarms) are accepted, the same alarm is appended to its open case, acknowledge
 * and resolve are recorded, an unknown device opens a case for triage, and a malformed payload is 400 naming the
 * field before anything is recorded. The key is a source's, scoped to its customer, and has its requests a minute.
 */
class AlarmIntakeApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired RegisterMonitoringSource register;
    @Autowired RevokeMonitoringSource revoke;
    @Autowired ReadCaseTimeline timeline;
    @Autowired AlarmSettings settings;
    ApiClient api;
    String serial;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        serial = "SN-" + System.nanoTime();
    }

    private String key(String name, SourceKind kind) {
        return register.register(new RegisterMonitoringSource.NewSource(name, kind, site.getCustomer().getId(), null)).key();
    }

    private ApiClient.Response send(String key, String path, String body) {
        return api.exchange(null, HttpMethod.POST, path, raw(body), Map.of("Authorization", "Bearer " + key));
    }

    /** The body as JSON so that ApiClient sends it unchanged. */
    private static Object raw(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String sample(String name) {
        try (InputStream in = getClass().getResourceAsStream("/alarms/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SN-SAMPLE-0001", serial);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Device device(String name, String ip, String serialNumber) {
        return assets.createDevice(new NewDevice(site.getId(), DeviceType.NVR, name, "DS-7608NI", serialNumber, ip, null, null,
                null, false));
    }

    private List<String> lines(long ticketId) {
        return timeline.lines(ticketId, Locale.SIMPLIFIED_CHINESE, clock.getZone()).stream().map(ReadCaseTimeline.Line::message).toList();
    }

    private long casesAtSite(Site at) {
        return jdbc.queryForObject("select count(*) from ticket where site_id = ?", Long.class, at.getId());
    }

    @Test
    void aGenericTriggerOpensACaseOnTheDeviceByIpAndTheSameKeyIsAppendedToIt() {
        Device nvr = device("NVR north gate", "10.20.0.15", serial);
        String key = key("总部监控", SourceKind.GENERIC);

        ApiClient.Response first = send(key, "/api/alarms", sample("generic-trigger.json"));
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().path("events").get(0).path("outcome").asText()).isEqualTo("OPENED");
        String number = first.body().path("events").get(0).path("ticketNumber").asText();
        Ticket ticket = tickets.get(searchNumber(number));
        assertThat(ticket.getChannel()).isEqualTo(Channel.MONITORING);
        assertThat(ticket.getDevice().getId()).isEqualTo(nvr.getId());
        // critical -> impact high, urgency high (docs/alarms.md)
        assertThat(ticket.getImpact()).isEqualTo(Grade.HIGH);
        assertThat(ticket.getUrgency()).isEqualTo(Grade.HIGH);
        assertThat(ticket.getTitle()).isEqualTo("NVR 硬盘 1 状态异常 (disk error)");
        assertThat(ticket.getDescription()).contains("总部监控", "nvr-disk-1/" + serial, "10.20.0.15", "free_gb");

        ApiClient.Response again = send(key, "/api/alarms", sample("generic-trigger.json"));
        ApiClient.Response third = send(key, "/api/alarms", sample("generic-trigger.json"));
        assertThat(again.body().path("events").get(0).path("outcome").asText()).isEqualTo("APPENDED");
        assertThat(third.body().path("events").get(0).path("ticketNumber").asText()).isEqualTo(number);
        assertThat(casesAtSite(site)).isEqualTo(1);
        assertThat(lines(ticket.getId())).contains("监控系统「总部监控」告警（严重），已匹配设备：NVR north gate",
                "告警再次触发（第 2 次）：NVR 硬盘 1 状态异常 (disk error)", "告警再次触发（第 3 次）：NVR 硬盘 1 状态异常 (disk error)");
    }

    @Test
    void acknowledgeAndResolveAreRecordedOnTheCaseAndTheRecoveryIsOfferedAsEvidence() {
        device("NVR north gate", "10.20.0.15", serial);
        String key = key("总部监控", SourceKind.GENERIC);
        String number = send(key, "/api/alarms", sample("generic-trigger.json")).body().path("events").get(0).path("ticketNumber").asText();
        long ticketId = searchNumber(number);

        assertThat(send(key, "/api/alarms", sample("generic-acknowledge.json")).body().path("events").get(0).path("outcome").asText())
                .isEqualTo("ACKNOWLEDGED");
        ApiClient.Response resolved = send(key, "/api/alarms", sample("generic-resolve.json"));
        assertThat(resolved.body().path("events").get(0).path("outcome").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.body().path("events").get(0).path("ticketNumber").asText()).isEqualTo(number);

        String at = clock.instant().atZone(clock.getZone()).toLocalDateTime().toString().substring(0, 16).replace('T', ' ');
        assertThat(lines(ticketId)).contains("监控系统「总部监控」已确认告警", "监控系统「总部监控」已于 " + at + " 报告恢复");
        ApiClient.Response evidence = api.get("t-desk", "/api/tickets/" + ticketId + "/alarms");
        assertThat(evidence.status()).isEqualTo(200);
        assertThat(evidence.body().get(0).path("state").asText()).isEqualTo("RESOLVED");
        assertThat(evidence.body().get(0).path("resolvedAt").asText()).isNotEmpty();
        assertThat(evidence.body().get(0).path("acknowledgedAt").asText()).isNotEmpty();
        assertThat(evidence.body().get(0).path("source").asText()).isEqualTo("总部监控");

        // a resolve for an alarm nobody opened is answered and kept, and opens nothing
        ApiClient.Response stray = send(key, "/api/alarms", "{\"event_action\":\"resolve\",\"dedup_key\":\"never-fired\"}");
        assertThat(stray.status()).isEqualTo(202);
        assertThat(stray.body().path("events").get(0).path("outcome").asText()).isEqualTo("IGNORED");
        assertThat(casesAtSite(site)).isEqualTo(1);
    }

    @Test
    void theAlertmanagerSampleOpensOneCasePerAlertAndItsResolvedNotificationIsRecorded() {
        Device camera = device("Camera north gate", "10.20.0.31", serial);
        String key = key("Prometheus", SourceKind.ALERTMANAGER);

        ApiClient.Response firing = send(key, "/api/alarms/alertmanager", sample("alertmanager-firing.json"));
        assertThat(firing.status()).isEqualTo(202);
        assertThat(firing.body().path("events").findValuesAsText("outcome")).containsExactly("OPENED", "OPENED");
        Ticket cameraCase = tickets.get(searchNumber(firing.body().path("events").get(0).path("ticketNumber").asText()));
        Ticket switchCase = tickets.get(searchNumber(firing.body().path("events").get(1).path("ticketNumber").asText()));
        assertThat(cameraCase.getDevice().getId()).isEqualTo(camera.getId());
        // 10.20.0.2 is no device of this customer: a case at the desk for triage, at the customer's (only) site
        assertThat(switchCase.getDevice()).isNull();
        assertThat(switchCase.getSite().getId()).isEqualTo(site.getId());
        assertThat(switchCase.getImpact()).isEqualTo(Grade.MEDIUM); // warning -> medium/medium
        assertThat(lines(switchCase.getId())).contains("监控系统「Prometheus」告警（警告），未能匹配到设备（告警对象：10.20.0.2），请服务台分诊");

        assertThat(send(key, "/api/alarms/alertmanager", sample("alertmanager-firing.json")).body().path("events")
                .findValuesAsText("outcome")).containsExactly("APPENDED", "APPENDED");
        ApiClient.Response resolved = send(key, "/api/alarms/alertmanager", sample("alertmanager-resolved.json"));
        assertThat(resolved.body().path("events").findValuesAsText("outcome")).containsExactly("RESOLVED");
        // the recovery time is the alert's endsAt (00:17:27Z = 08:17 in Shanghai), not when we received it
        assertThat(lines(cameraCase.getId())).contains("监控系统「Prometheus」已于 2026-12-04 08:17 报告恢复");
        assertThat(casesAtSite(site)).isEqualTo(2);
    }

    @Test
    void theZabbixSamplesOpenAcknowledgeAndResolveOneCase() {
        Device nvr = device("NVR-North-Gate", "10.20.0.15", serial);
        String key = key("Zabbix 总部", SourceKind.ZABBIX);

        ApiClient.Response problem = send(key, "/api/alarms/zabbix", sample("zabbix-problem.json"));
        assertThat(problem.status()).isEqualTo(202);
        Ticket ticket = tickets.get(searchNumber(problem.body().path("events").get(0).path("ticketNumber").asText()));
        assertThat(ticket.getDevice().getId()).isEqualTo(nvr.getId());
        // Zabbix High -> error -> impact high, urgency medium
        assertThat(ticket.getImpact()).isEqualTo(Grade.HIGH);
        assertThat(ticket.getUrgency()).isEqualTo(Grade.MEDIUM);
        assertThat(send(key, "/api/alarms/zabbix", sample("zabbix-acknowledged.json")).body().path("events").get(0).path("outcome").asText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(send(key, "/api/alarms/zabbix", sample("zabbix-resolved.json")).body().path("events").get(0).path("outcome").asText())
                .isEqualTo("RESOLVED");
        // a comment without acknowledgement is answered and not recorded
        ObjectNode comment = (ObjectNode) raw(sample("zabbix-acknowledged.json"));
        comment.put("update_action", "commented");
        ApiClient.Response commented = send(key, "/api/alarms/zabbix", comment.toString());
        assertThat(commented.status()).isEqualTo(202);
        assertThat(commented.body().path("events").size()).isZero();
        assertThat(casesAtSite(site)).isEqualTo(1);
    }

    @Test
    void malformedPayloadsAre400NamingTheFieldAndNothingIsRecorded() {
        String key = key("Bad sender", SourceKind.GENERIC);
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("dedup_key", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"info\"}}" });
        cases.put("event_action", new String[] { "/api/alarms", "{\"event_action\":\"fire\",\"dedup_key\":\"k\"}" });
        cases.put("payload", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"dedup_key\":\"k\"}" });
        cases.put("payload.severity", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"dedup_key\":\"k\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"fatal\"}}" });
        cases.put("payload.summary", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"dedup_key\":\"k\",\"payload\":{\"source\":\"h\",\"severity\":\"info\"}}" });
        cases.put("payload.source", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"dedup_key\":\"k\",\"payload\":{\"summary\":\"s\",\"severity\":\"info\"}}" });
        cases.put("payload.timestamp", new String[] { "/api/alarms", "{\"event_action\":\"trigger\",\"dedup_key\":\"k\",\"payload\":{\"summary\":\"s\",\"source\":\"h\",\"severity\":\"info\",\"timestamp\":\"yesterday\"}}" });
        cases.put("alerts", new String[] { "/api/alarms/alertmanager", "{\"version\":\"4\",\"status\":\"firing\"}" });
        cases.put("alerts[0].fingerprint", new String[] { "/api/alarms/alertmanager", "{\"version\":\"4\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"}}]}" });
        cases.put("alerts[1].status", new String[] { "/api/alarms/alertmanager", "{\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"a\"},{\"status\":\"gone\",\"labels\":{},\"fingerprint\":\"b\"}]}" });
        cases.put("alerts[0].labels", new String[] { "/api/alarms/alertmanager", "{\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\"}]}" });
        cases.put("version", new String[] { "/api/alarms/alertmanager", "{\"version\":\"3\",\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"fingerprint\":\"a\"}]}" });
        cases.put("event_id", new String[] { "/api/alarms/zabbix", "{\"status\":\"PROBLEM\",\"severity\":\"High\",\"host\":\"h\",\"subject\":\"s\"}" });
        cases.put("status", new String[] { "/api/alarms/zabbix", "{\"event_id\":\"1\",\"status\":\"BROKEN\",\"severity\":\"High\",\"host\":\"h\",\"subject\":\"s\"}" });
        cases.put("severity", new String[] { "/api/alarms/zabbix", "{\"event_id\":\"1\",\"status\":\"PROBLEM\",\"severity\":\"Huge\",\"host\":\"h\",\"subject\":\"s\"}" });
        cases.put("host", new String[] { "/api/alarms/zabbix", "{\"event_id\":\"1\",\"status\":\"PROBLEM\",\"severity\":\"High\",\"host\":\"{HOST.NAME}\",\"subject\":\"s\"}" });
        cases.forEach((field, call) -> {
            ApiClient.Response r = send(key, call[0], call[1]);
            assertThat(r.status()).as(field).isEqualTo(400);
            assertThat(r.errorFields()).as(field).containsExactly(field);
        });
        assertThat(jdbc.queryForObject("select count(*) from monitoring_event e join monitoring_source s on s.id = e.source_id"
                + " where s.name = 'Bad sender' and s.customer_id = ?", Long.class, site.getCustomer().getId())).isZero();
        assertThat(casesAtSite(site)).isZero();
    }

    @Test
    void onlyAValidUnrevokedKeyGetsInAndItGetsNowhereElse() {
        String key = key("总部监控", SourceKind.GENERIC);
        String body = sample("generic-resolve.json");
        assertThat(send("ack_not-a-key", "/api/alarms", body).status()).isEqualTo(401);
        assertThat(api.exchange(null, HttpMethod.POST, "/api/alarms", raw(body), Map.of()).status()).isEqualTo(401);
        // a user account is no monitoring source
        assertThat(api.post("t-admin", "/api/alarms", raw(body)).status()).isEqualTo(401);
        // the key opens the alarm endpoints only
        assertThat(api.exchange(null, HttpMethod.GET, "/api/tickets", null, Map.of("Authorization", "Bearer " + key)).status())
                .isEqualTo(401);
        assertThat(api.exchange(null, HttpMethod.POST, "/api/alarms", raw(body), Map.of("X-Aftercare-Key", key)).status())
                .isEqualTo(202);

        Long sourceId = jdbc.queryForObject("select id from monitoring_source where key_hash = ?", Long.class, AlarmKeys.hash(key));
        revoke.revoke(sourceId);
        assertThat(send(key, "/api/alarms", body).status()).isEqualTo(401);
    }

    @Test
    void aSourcePastItsRequestsAMinuteIsRefusedWithRetryAfterAndNothingOfItIsKeptWhileOtherSourcesGoOn() throws Exception {
        assertThat(settings.requestsPerMinute()).as("docs/alarms.md: 3,000 requests a minute per source").isEqualTo(3000);
        device("NVR north gate", "10.20.0.15", serial);
        String looping = key("环路监控", SourceKind.GENERIC);
        String other = key("总部监控", SourceKind.GENERIC);

        // a sender caught in a loop spends the minute's 3,000 (unreadable requests: each answered 400, none kept)
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 3000; i++) {
                answers.add(senders.submit(() -> send(looping, "/api/alarms", "{}").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).as("the minute's allowance, all of it").containsOnly(400).hasSize(3000);
        } finally {
            senders.shutdownNow();
        }
        ApiClient.Response refused = send(looping, "/api/alarms", sample("generic-trigger.json"));
        assertThat(refused.status()).isEqualTo(429);
        // 3,000 a minute come back at 50 a second: the next one in a second
        assertThat(refused.headers().getFirst("Retry-After")).isEqualTo("1");
        assertThat(refused.detail()).contains("3000 requests a minute");
        assertThat(casesAtSite(site)).as("the refused alarm opened nothing").isZero();
        assertThat(jdbc.queryForObject("select count(*) from monitoring_event e join monitoring_source s on s.id = e.source_id"
                + " where s.name = '环路监控' and s.customer_id = ?", Long.class, site.getCustomer().getId())).isZero();

        assertThat(send(other, "/api/alarms", sample("generic-resolve.json")).status()).as("another source is not held back")
                .isEqualTo(202);
        // the administrator sees which source was turned away, and when (not only the log)
        JsonNode listed = null;
        JsonNode otherListed = null;
        for (JsonNode s : api.get("t-admin", "/api/admin/alarm-sources").body()) {
            if (s.path("name").asText().equals("环路监控") && s.path("customerId").asLong() == site.getCustomer().getId()) {
                listed = s;
            }
            if (s.path("name").asText().equals("总部监控") && s.path("customerId").asLong() == site.getCustomer().getId()) {
                otherListed = s;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(Instant.parse(listed.path("lastRefusedAt").asText())).as("when it was refused (the database keeps microseconds)")
                .isBetween(clock.instant().minusMillis(1), clock.instant().plusMillis(1));
        assertThat(listed.path("requestsPerMinute").asInt()).isEqualTo(3000);
        assertThat(otherListed.path("lastRefusedAt").isTextual()).as("never refused").isFalse();
        clock.advance(Duration.ofSeconds(1));
        ApiClient.Response retried = send(looping, "/api/alarms", sample("generic-trigger.json"));
        assertThat(retried.status()).as("the sender's retry after the wait it was given").isEqualTo(202);
        assertThat(retried.body().path("events").get(0).path("outcome").asText()).isEqualTo("OPENED");
        assertThat(casesAtSite(site)).isEqualTo(1);
    }

    @Test
    void anotherCustomersDeviceIsNeverMatchedAndTheCaseOpensForTriage() {
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        Site otherSite = assets.createSite(new NewSite(other.getId(), "Other site", "Road 2", Region.CITY, "C", "456"));
        assets.createDevice(new NewDevice(otherSite.getId(), DeviceType.NVR, "Other NVR", "X", serial, "10.20.0.15", null, null,
                null, false));
        String key = key("总部监控", SourceKind.GENERIC);

        ApiClient.Response r = send(key, "/api/alarms", sample("generic-trigger.json"));
        Ticket ticket = tickets.get(searchNumber(r.body().path("events").get(0).path("ticketNumber").asText()));
        assertThat(ticket.getDevice()).isNull();
        assertThat(ticket.getSite().getId()).isEqualTo(site.getId());
        assertThat(ticket.getDescription()).contains("未能在本单位的设备中按 IP、序列号或名称找到告警所指设备");
        assertThat(casesAtSite(otherSite)).isZero();
    }

    @Test
    void theDeviceIsFoundByIpBeforeSerialBeforeName() {
        Device byIp = device("Gate NVR", "10.20.0.15", serial);
        Device bySerial = device("Yard NVR", "10.20.0.16", "YARD-" + serial);
        Device byName = device("Hall NVR", "10.20.0.17", "HALL-" + serial);
        String key = key("总部监控", SourceKind.GENERIC);
        String template = "{\"event_action\":\"trigger\",\"dedup_key\":\"%s\",\"payload\":{\"summary\":\"down\",\"source\":\"%s\","
                + "\"severity\":\"error\",\"custom_details\":{\"serial\":\"%s\"}}}";

        assertThat(deviceOf(send(key, "/api/alarms", template.formatted("a", "10.20.0.15", "YARD-" + serial)))).isEqualTo(byIp.getId());
        assertThat(deviceOf(send(key, "/api/alarms", template.formatted("b", "hall nvr", "yard-" + serial)))).isEqualTo(bySerial.getId());
        assertThat(deviceOf(send(key, "/api/alarms", template.formatted("c", "HALL NVR", "none")))).isEqualTo(byName.getId());
    }

    private Long deviceOf(ApiClient.Response r) {
        Ticket t = tickets.get(searchNumber(r.body().path("events").get(0).path("ticketNumber").asText()));
        return t.getDevice() == null ? null : t.getDevice().getId();
    }

    /**
     * aftercare.alarms.flap-pairs=3, flap-window=PT10M (the defaults): the third trigger/resolve pair within ten minutes
     * notes the flapping once; later flaps are counted on the alarm but write no more lines, and all stay on one case.
     * Pairs further apart than the window are no flapping.
     */
    @Test
    void threePairsWithinTenMinutesAreNotedAsFlappingOnceAndHeldToTheOneCase() {
        device("NVR north gate", "10.20.0.15", serial);
        String key = key("总部监控", SourceKind.GENERIC);
        String number = send(key, "/api/alarms", sample("generic-trigger.json")).body().path("events").get(0).path("ticketNumber").asText();
        long ticketId = searchNumber(number);
        for (int pair = 1; pair <= 2; pair++) {
            send(key, "/api/alarms", sample("generic-resolve.json"));
            clock.advance(Duration.ofMinutes(4));
            send(key, "/api/alarms", sample("generic-trigger.json"));
        }
        // two pairs, 8 minutes: not yet
        assertThat(lines(ticketId)).noneMatch(l -> l.startsWith("告警频繁波动"));
        send(key, "/api/alarms", sample("generic-resolve.json"));
        assertThat(lines(ticketId)).contains("告警频繁波动：10分钟内触发/恢复 3 次，之后的波动只计数、并入本工单");
        int linesWhenNoted = lines(ticketId).size();
        for (int i = 0; i < 5; i++) {
            send(key, "/api/alarms", sample("generic-trigger.json"));
            send(key, "/api/alarms", sample("generic-resolve.json"));
        }
        assertThat(lines(ticketId)).hasSize(linesWhenNoted);
        assertThat(lines(ticketId).stream().filter(l -> l.startsWith("告警频繁波动"))).hasSize(1);
        assertThat(casesAtSite(site)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select trigger_count from monitoring_alarm where ticket_id = ?", Integer.class, ticketId))
                .isEqualTo(8);
    }

    @Test
    void pairsFurtherApartThanTheWindowAreNoFlapping() {
        device("NVR north gate", "10.20.0.15", serial);
        String key = key("总部监控", SourceKind.GENERIC);
        long ticketId = searchNumber(send(key, "/api/alarms", sample("generic-trigger.json")).body().path("events").get(0)
                .path("ticketNumber").asText());
        for (int pair = 1; pair <= 4; pair++) {
            send(key, "/api/alarms", sample("generic-resolve.json"));
            clock.advance(Duration.ofMinutes(5).plusSeconds(1)); // 3 resolves never fall within 10 minutes
            send(key, "/api/alarms", sample("generic-trigger.json"));
        }
        assertThat(lines(ticketId)).noneMatch(l -> l.startsWith("告警频繁波动"));
    }

    @Test
    void onceTheCaseIsClosedTheSameAlarmOpensANewCase() {
        device("NVR north gate", "10.20.0.15", serial);
        String key = key("总部监控", SourceKind.GENERIC);
        long first = searchNumber(send(key, "/api/alarms", sample("generic-trigger.json")).body().path("events").get(0)
                .path("ticketNumber").asText());
        jdbc.update("update ticket set status = 'CLOSED' where id = ?", first); // closed however it was closed
        ApiClient.Response again = send(key, "/api/alarms", sample("generic-trigger.json"));
        assertThat(again.body().path("events").get(0).path("outcome").asText()).isEqualTo("OPENED");
        assertThat(searchNumber(again.body().path("events").get(0).path("ticketNumber").asText())).isNotEqualTo(first);
        assertThat(casesAtSite(site)).isEqualTo(2);
    }

    @Test
    void anAdminRegistersASourceSeesItsKeyOnceAndRevokesIt() {
        Map<String, Object> body = Map.of("name", "园区 Zabbix", "kind", "ZABBIX", "customerId", site.getCustomer().getId());
        ApiClient.Response created = api.post("t-admin", "/api/admin/alarm-sources", body);
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().path("key").asText();
        assertThat(key).startsWith("ack_").hasSize(4 + 43);
        long id = created.body().path("source").path("id").asLong();
        assertThat(created.body().path("source").path("keyPrefix").asText()).isEqualTo(key.substring(0, 10));

        assertThat(send(key, "/api/alarms/zabbix", sample("zabbix-problem.json")).status()).isEqualTo(202);
        send(key, "/api/alarms/zabbix", sample("zabbix-problem.json"));
        ApiClient.Response listed = api.get("t-sup", "/api/admin/alarm-sources");
        assertThat(listed.status()).isEqualTo(200);
        var mine = java.util.stream.StreamSupport.stream(listed.body().spliterator(), false)
                .filter(s -> s.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.path("events").asLong()).isEqualTo(2);
        assertThat(mine.path("cases").asLong()).isEqualTo(1);
        assertThat(mine.path("lastEventAt").asText()).isNotEmpty();
        assertThat(listed.body().toString()).doesNotContain(key).doesNotContain(AlarmKeys.hash(key));

        assertThat(api.post("t-sup", "/api/admin/alarm-sources", body).status()).isEqualTo(403);
        ApiClient.Response nameless = api.post("t-admin", "/api/admin/alarm-sources", Map.of("kind", "ZABBIX", "customerId", 1));
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.errorFields()).containsExactly("name");
        ApiClient.Response unknown = api.post("t-admin", "/api/admin/alarm-sources", Map.of("name", "x", "kind", "ZABBIX", "customerId", 999999999));
        assertThat(unknown.errorFields()).containsExactly("customerId");

        ApiClient.Response revoked = api.post("t-admin", "/api/admin/alarm-sources/" + id + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().path("revokedAt").asText()).isNotEmpty();
        assertThat(send(key, "/api/alarms/zabbix", sample("zabbix-problem.json")).status()).isEqualTo(401);
    }

    private long searchNumber(String number) {
        assertThat(number).isNotBlank();
        return jdbc.queryForObject("select id from ticket where number = ?", Long.class, number);
    }
}
