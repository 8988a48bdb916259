package com.aftercare.securityincident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * RP-6 (seed 002: 泄密、盗用用户资料、擅自更改资料、故意隐瞒、超越授权操作 ... 即视为安全事故): an incident is reported, a supervisor takes
 * it up, the customer's information centre is told, and only then is it closed with measures and a conclusion; every step
 * is a line of its course and audited. Only supervisors, admins, the reporter and the unit read it; bad input names each
 * field and writes nothing; the counts by kind, impact and month (seed 003) follow the product's zone.
 */
class SecurityIncidentApiTest extends IntegrationTest {

    private static final String BASE = "/api/security-incidents";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void at() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2027-03-01T02:00:00Z"));
    }

    private Map<String, Object> incident(long customerId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("kind", "DATA_THEFT");
        body.put("impact", "SERIOUS");
        body.put("title", title);
        body.put("description", "驻场工程师用个人 U 盘拷贝了卡口过车数据");
        body.put("occurredAt", "2027-02-28T09:30:00Z");
        return body;
    }

    private JsonNode report(String user, Map<String, Object> body) {
        ApiClient.Response r = api.post(user, BASE, body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private static long id(JsonNode incident) {
        return incident.path("id").asLong();
    }

    private ApiClient.Response act(String user, long id, String action, Object body) {
        return api.post(user, BASE + "/" + id + "/" + action, body);
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from security_incident) + (select count(*) from security_incident_event)",
                Long.class);
    }

    @Test
    void aReportIsTakenUpTheCustomerToldAndClosedWithMeasuresInThatOrder() {
        Ticket ticket = report(Category.DEFECT);
        Map<String, Object> body = incident(site.getCustomer().getId(), "卡口数据被私自拷贝 " + System.nanoTime());
        body.put("ticketId", ticket.getId());
        body.put("involved", "驻场工程师 李某");
        long bellsBefore = jdbc.queryForObject("select count(*) from notification where event_type = 'SecurityIncidentReported'",
                Long.class);
        JsonNode reported = report("t-desk", body);
        long id = id(reported);
        assertThat(reported.path("number").asText()).isEqualTo(String.format("SEC-%06d", id));
        assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
        assertThat(reported.path("ticketNumber").asText()).isEqualTo(tickets.get(ticket.getId()).getNumber());
        assertThat(reported.path("reportedByName").asText()).isEqualTo("Test Desk");
        assertThat(reported.path("reportedByCustomer").asBoolean()).isFalse();
        assertThat(reported.has("customerToldAt")).as("staff's report: the customer is still to be told").isFalse();
        assertThat(reported.path("canTake").asBoolean()).as("the desk reports, it does not investigate").isFalse();
        // supervisors and administrators hear of it in the app, and the bell opens the incident
        assertThat(jdbc.queryForList("select recipient_role from notification where event_type = 'SecurityIncidentReported'"
                + " order by id desc limit 2", String.class)).containsExactlyInAnyOrder("SUPERVISOR", "ADMIN");
        assertThat(jdbc.queryForObject("select count(*) from notification where event_type = 'SecurityIncidentReported'",
                Long.class)).isEqualTo(bellsBefore + 2);
        JsonNode bell = api.get("t-sup", "/api/notifications").body();
        JsonNode mine = null;
        for (JsonNode n : bell) {
            if (n.path("message").asText().contains(reported.path("number").asText())) {
                mine = n;
            }
        }
        assertThat(mine).as(bell.toString()).isNotNull();
        assertThat(mine.path("message").asText()).contains("盗用用户资料", "严重", "Test Desk");
        assertThat(mine.path("page").asText()).isEqualTo("/security-incidents/" + id);

        assertThat(act("t-desk", id, "take", Map.of()).status()).isEqualTo(403);
        JsonNode taken = act("t-sup", id, "take", Map.of()).body();
        assertThat(taken.path("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(taken.path("handler").asText()).isEqualTo("t-sup");
        assertThat(taken.path("canHandle").asBoolean()).isTrue();
        ApiClient.Response again = act("t-admin", id, "take", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains(reported.path("number").asText());

        JsonNode noted = act("t-admin", id, "notes", Map.of("note", "调取门禁与堡垒机日志")).body();
        ApiClient.Response early = act("t-sup", id, "close", Map.of("impact", "SERIOUS", "measures", "收回权限", "conclusion",
                "属实", "revision", noted.path("revision").asLong()));
        assertThat(early.status()).as("not before the customer is told").isEqualTo(409);
        assertThat(early.detail()).contains("尚未告知用户单位");

        JsonNode told = act("t-sup", id, "customer-told", Map.of("toldAt", "2027-03-01T01:00:00Z", "how", "电话告知信息中心张主任"))
                .body();
        assertThat(told.path("customerToldHow").asText()).isEqualTo("电话告知信息中心张主任");
        assertThat(told.path("customerToldAt").asText()).isEqualTo("2027-03-01T01:00:00Z");
        assertThat(act("t-sup", id, "customer-told", Map.of("toldAt", "2027-03-01T01:30:00Z", "how", "再告知一次")).status())
                .as("once").isEqualTo(409);

        // a note written after the closer read the incident: the close is refused until they have read it
        long readRevision = told.path("revision").asLong();
        act("t-admin", id, "notes", Map.of("note", "李某承认拷贝，数据已追回"));
        ApiClient.Response stale = act("t-sup", id, "close", Map.of("impact", "MAJOR", "measures", "收回权限", "conclusion", "属实",
                "revision", readRevision));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.detail()).contains("新的记录");

        JsonNode fresh = api.get("t-sup", BASE + "/" + id).body();
        JsonNode closed = act("t-sup", id, "close", Map.of("impact", "MAJOR", "measures", "收回 U 盘与账号权限，调离驻场岗位",
                "conclusion", "属实，定为重大安全事故", "revision", fresh.path("revision").asLong())).body();
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("impact").asText()).as("the final estimate replaces the first").isEqualTo("MAJOR");
        assertThat(closed.path("measures").asText()).isEqualTo("收回 U 盘与账号权限，调离驻场岗位");
        assertThat(closed.path("closedAt").asText()).isEqualTo("2027-03-01T02:00:00Z");
        assertThat(closed.path("canHandle").asBoolean()).isFalse();
        assertThat(closed.path("events").findValuesAsText("action"))
                .containsExactly("CLOSED", "NOTE", "CUSTOMER_TOLD", "NOTE", "TAKEN", "REPORTED");
        assertThat(act("t-sup", id, "notes", Map.of("note", "补记")).status()).isEqualTo(409);
        assertThat(act("t-sup", id, "close", Map.of("impact", "MAJOR", "measures", "x", "conclusion", "x", "revision",
                closed.path("revision").asLong())).status()).as("closed once").isEqualTo(409);

        List<Map<String, Object>> audit = jdbc.queryForList("select actor, customer_id from audit_log where entity_type ="
                + " 'security_incident' and entity_id = ? order by seq", String.valueOf(id));
        assertThat(audit).as("reported, taken, told, closed").extracting(e -> e.get("actor"))
                .containsExactly("t-desk", "t-sup", "t-sup", "t-sup");
        assertThat(audit).extracting(e -> ((Number) e.get("customer_id")).longValue()).containsOnly(site.getCustomer().getId());
        List<String> lines = jdbc.queryForList("select a.actor from audit_log a join security_incident_event e on a.entity_id ="
                + " cast(e.id as varchar(20)) where a.entity_type = 'security_incident_event' and e.incident_id = ? order by a.seq",
                String.class, id);
        assertThat(lines).as("every line of its course").containsExactly("t-desk", "t-sup", "t-admin", "t-sup", "t-admin", "t-sup");
        assertThat(api.get("t-sup", "/api/audit/verify").status()).isEqualTo(200);
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        long unit = site.getCustomer().getId();
        long before = rows();
        assertThat(refused(BASE, new HashMap<>())).containsExactlyInAnyOrder("customerId", "kind", "impact", "title",
                "description", "occurredAt");
        Map<String, Object> unknownUnit = incident(99_999_999L, "x");
        assertThat(refused(BASE, unknownUnit)).containsExactly("customerId");
        Map<String, Object> badKind = incident(unit, "x");
        badKind.put("kind", "THEFT");
        assertThat(api.post("t-eng", BASE, badKind).status()).isEqualTo(400);
        Map<String, Object> future = incident(unit, "x");
        future.put("occurredAt", "2027-03-01T02:06:00Z");
        assertThat(refused(BASE, future)).containsExactly("occurredAt");
        Map<String, Object> noCase = incident(unit, "x");
        noCase.put("ticketId", 99_999_999L);
        assertThat(refused(BASE, noCase)).containsExactly("ticketId");
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        Map<String, Object> otherUnitsCase = incident(other.getId(), "x");
        otherUnitsCase.put("ticketId", report(Category.DEFECT).getId());
        assertThat(refused(BASE, otherUnitsCase)).as("a case of another unit").containsExactly("ticketId");

        // every limit at its edge: the longest is kept, one more is refused naming the field
        Map<String, Integer> limits = Map.of("title", 100, "description", 2000, "involved", 200);
        Map<String, Object> longest = incident(unit, "题".repeat(100));
        limits.forEach((field, max) -> {
            Map<String, Object> over = incident(unit, "超长");
            over.put(field, "长".repeat(max + 1));
            assertThat(refused(BASE, over)).as(field).containsExactly(field);
            if (!field.equals("title")) {
                longest.put(field, "长".repeat(max));
            }
        });
        assertThat(rows()).isEqualTo(before);
        // the slack from below: a reporter's clock up to five minutes fast is taken (02:06 was refused above)
        Map<String, Object> clockFast = incident(unit, "时钟略快");
        clockFast.put("occurredAt", "2027-03-01T02:05:00Z");
        assertThat(api.post("t-eng", BASE, clockFast).status()).isEqualTo(201);
        JsonNode kept = report("t-eng", longest);
        assertThat(kept.path("description").asText()).hasSize(2000);
        assertThat(kept.path("involved").asText()).hasSize(200);

        long id = id(kept);
        act("t-sup", id, "take", Map.of());
        long afterTake = rows();
        assertThat(refused(BASE + "/" + id + "/notes", Map.of("note", " "))).containsExactly("note");
        assertThat(refused(BASE + "/" + id + "/notes", Map.of("note", "记".repeat(2001)))).containsExactly("note");
        assertThat(refused(BASE + "/" + id + "/customer-told", Map.of())).containsExactlyInAnyOrder("toldAt", "how");
        assertThat(refused(BASE + "/" + id + "/customer-told", Map.of("toldAt", "2027-02-28T09:00:00Z", "how", "电话")))
                .as("before it occurred").containsExactly("toldAt");
        assertThat(refused(BASE + "/" + id + "/customer-told", Map.of("toldAt", "2027-03-01T03:00:00Z", "how", "电话")))
                .as("in the future").containsExactly("toldAt");
        assertThat(refused(BASE + "/" + id + "/customer-told", Map.of("toldAt", "2027-03-01T01:00:00Z", "how", "告".repeat(201))))
                .containsExactly("how");
        assertThat(refused(BASE + "/" + id + "/close", Map.of())).containsExactlyInAnyOrder("impact", "measures", "conclusion",
                "revision");
        assertThat(rows()).isEqualTo(afterTake);
        assertThat(api.get("t-sup", BASE + "/" + Long.MAX_VALUE).status()).isEqualTo(404);
        // and five minutes ahead for the time the customer was told (03:00 was refused above)
        assertThat(act("t-sup", id, "customer-told", Map.of("toldAt", "2027-03-01T02:05:00Z", "how", "电话告知信息中心"))
                .body().path("customerToldAt").asText()).isEqualTo("2027-03-01T02:05:00Z");
    }

    private List<String> refused(String path, Map<String, Object> body) {
        ApiClient.Response r = api.post(path.startsWith(BASE + "/") ? "t-sup" : "t-eng", path, body);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
        return r.errorFields();
    }

    @Test
    void supervisorsReadAllTheReporterTheirOwnAndACustomersUserTheirUnitsOnly() {
        String tag = " " + System.nanoTime();
        long unit = site.getCustomer().getId();
        long byDesk = id(report("t-desk", incident(unit, "前台报告" + tag)));
        String owner = "po-" + System.nanoTime();
        accounts.createIfAbsent(owner, PASSWORD, "流程负责人", Set.of(Role.PROCESS_OWNER));
        long byOwner = id(report(owner, incident(unit, "流程负责人报告" + tag)));

        assertThat(api.get("t-sup", BASE + "?customerId=" + unit).body().findValuesAsText("id"))
                .contains(String.valueOf(byDesk), String.valueOf(byOwner));
        assertThat(api.get(owner, BASE).body().findValuesAsText("id")).as("only what they reported")
                .contains(String.valueOf(byOwner)).doesNotContain(String.valueOf(byDesk));
        assertThat(api.get("t-eng", BASE + "/" + byDesk).status()).as("an incident is often about a colleague").isEqualTo(404);
        assertThat(api.get("t-desk", BASE + "/" + byDesk).status()).isEqualTo(200);
        assertThat(api.get("t-desk", BASE + "/stats").status()).isEqualTo(403);
        assertThat(api.get("t-sup", BASE + "?status=CLOSED&kind=DATA_THEFT&customerId=" + unit).body().findValuesAsText("id"))
                .doesNotContain(String.valueOf(byDesk));
        assertThat(api.get("t-sup", BASE + "?status=SHUT").status()).isEqualTo(400);

        String mine = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(mine, PASSWORD, "信息中心", unit);
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        String theirs = "cu-o-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(theirs, PASSWORD, "外单位", other.getId());

        Map<String, Object> own = incident(unit, "用户单位发现" + tag);
        own.remove("customerId");
        JsonNode byCustomer = report(mine, own);
        assertThat(byCustomer.path("customerId").asLong()).isEqualTo(unit);
        assertThat(byCustomer.path("reportedByCustomer").asBoolean()).isTrue();
        assertThat(byCustomer.path("customerToldAt").asText()).as("the unit knows: it reported it").isEqualTo("2027-03-01T02:00:00Z");
        assertThat(api.get(mine, BASE).body().findValuesAsText("id")).contains(String.valueOf(byDesk), String.valueOf(byOwner),
                String.valueOf(id(byCustomer)));
        assertThat(api.get(mine, BASE + "/" + byDesk).body().path("canTake").asBoolean()).isFalse();
        assertThat(act(mine, byDesk, "take", Map.of()).status()).isEqualTo(403);
        Map<String, Object> elsewhere = incident(other.getId(), "别的单位" + tag);
        assertThat(api.post(mine, BASE, elsewhere).errorFields()).containsExactly("customerId");

        assertThat(api.get(theirs, BASE + "/" + byDesk).status()).isEqualTo(404);
        assertThat(api.get(theirs, BASE + "?customerId=" + unit).body().findValuesAsText("id"))
                .as("the unit filter cannot widen a customer's view").doesNotContain(String.valueOf(byDesk));
        assertThat(api.get(theirs, BASE + "/stats?customerId=" + unit).body().path("total").asLong()).isZero();

        // a customer-reported incident closes without a separate telling
        act("t-sup", id(byCustomer), "take", Map.of());
        JsonNode read = api.get("t-sup", BASE + "/" + id(byCustomer)).body();
        assertThat(act("t-sup", id(byCustomer), "close", Map.of("impact", "MINOR", "measures", "复核权限", "conclusion", "未造成影响",
                "revision", read.path("revision").asLong())).status()).isEqualTo(200);
    }

    @Test
    void theCountsAreByKindImpactAndTheMonthItOccurredInBeijing() {
        Customer unit = assets.createCustomer("统计单位 " + System.nanoTime());
        long u = unit.getId();
        // 2027-01-31T16:30Z is 1 February 00:30 in Beijing: a February incident
        String[][] reports = {{"2027-01-05T02:00:00Z", "LEAK", "MINOR"}, {"2027-01-31T16:30:00Z", "LEAK", "SERIOUS"},
                {"2027-02-10T02:00:00Z", "BEYOND_AUTHORIZATION", "MAJOR"}, {"2026-12-31T15:59:00Z", "OTHER", "MINOR"}};
        List<Long> ids = new ArrayList<>();
        for (String[] r : reports) {
            Map<String, Object> body = incident(u, "统计 " + r[0]);
            body.put("occurredAt", r[0]);
            body.put("kind", r[1]);
            body.put("impact", r[2]);
            ids.add(id(report("t-sup", body)));
        }
        act("t-sup", ids.get(0), "take", Map.of());
        act("t-sup", ids.get(0), "customer-told", Map.of("toldAt", "2027-01-06T02:00:00Z", "how", "书面函告"));
        JsonNode read = api.get("t-sup", BASE + "/" + ids.get(0)).body();
        act("t-sup", ids.get(0), "close", Map.of("impact", "MINOR", "measures", "加密外发文件", "conclusion", "误发",
                "revision", read.path("revision").asLong()));

        JsonNode stats = api.get("t-sup", BASE + "/stats?from=2027-01&to=2027-03&customerId=" + u).body();
        assertThat(stats.path("from").asText()).isEqualTo("2027-01");
        assertThat(stats.path("total").asLong()).as("the December one (Beijing 23:59 on 31 December) is outside").isEqualTo(3);
        assertThat(stats.path("open").asLong()).isEqualTo(2);
        assertThat(stats.path("byMonth").findValuesAsText("month")).containsExactly("2027-01", "2027-02", "2027-03");
        assertThat(stats.path("byMonth").findValuesAsText("count")).containsExactly("1", "2", "0");
        assertThat(stats.path("byKind").findValuesAsText("kind")).containsExactly("LEAK", "BEYOND_AUTHORIZATION");
        assertThat(stats.path("byKind").findValuesAsText("count")).containsExactly("2", "1");
        assertThat(stats.path("byImpact").findValuesAsText("impact")).containsExactly("MINOR", "SERIOUS", "MAJOR");

        JsonNode lastYear = api.get("t-admin", BASE + "/stats?customerId=" + u).body();
        assertThat(lastYear.path("from").asText()).as("the 12 months ending with this one").isEqualTo("2026-04");
        assertThat(lastYear.path("to").asText()).isEqualTo("2027-03");
        assertThat(lastYear.path("byMonth")).hasSize(12);
        assertThat(lastYear.path("total").asLong()).isEqualTo(4);

        assertThat(api.get("t-sup", BASE + "/stats?from=2027-03&to=2027-01").errorFields()).containsExactly("from");
        assertThat(api.get("t-sup", BASE + "/stats?from=2024-03&to=2027-03").errorFields()).as("37 months").containsExactly("from");
        assertThat(api.get("t-sup", BASE + "/stats?from=2024-04&to=2027-03").status()).as("36 months").isEqualTo(200);
        assertThat(api.get("t-sup", BASE + "/stats?to=March").errorFields()).containsExactly("to");
    }

    @Test
    void theListShowsThe500NewestReports() {
        long unit = assets.createCustomer("满额单位 " + System.nanoTime()).getId();
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i <= ReadSecurityIncidents.MAX_LISTED; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(first.plusSeconds(60L * i));
            rows.add(new Object[] {unit, "OTHER", "MINOR", "REPORTED", "第" + i + "件", "批量", at, "t-desk", at, false, at});
        }
        jdbc.batchUpdate("insert into security_incident (customer_id, kind, impact, status, title, description, occurred_at,"
                + " reported_by, reported_at, reported_by_customer, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        JsonNode listed = api.get("t-sup", BASE + "?customerId=" + unit).body();
        assertThat(listed).hasSize(500);
        assertThat(listed.get(0).path("title").asText()).isEqualTo("第500件");
        assertThat(listed.get(499).path("title").asText()).as("the oldest one is left out").isEqualTo("第1件");
    }

    @Test
    void twoInvestigatorsTakingTheSameIncidentAtOnceOneGetsIt() throws Exception {
        long id = id(report("t-eng", incident(site.getCustomer().getId(), "并发接手 " + System.nanoTime())));
        ExecutorService clicks = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String user : List.of("t-sup", "t-admin")) {
                answers.add(clicks.submit(() -> {
                    go.await();
                    return act(user, id, "take", Map.of()).status();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            clicks.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from security_incident_event where incident_id = ? and action = 'TAKEN'",
                Long.class, id)).isEqualTo(1);
    }
}
