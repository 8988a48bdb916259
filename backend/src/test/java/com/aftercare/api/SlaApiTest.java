package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/** The SLA API over HTTP: the supervisor board and its export, a ticket's clocks, and what bad input gets. */
class SlaApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Autowired com.aftercare.ticket.CacheClocks cacheClocks;

    /**
     * The board's SQL reads the clocks each case cached when it last changed; its rows evaluate them now. In the product
     * time only moves forward, so the two agree. Other classes in this JVM set the shared test clock back and forth
     * (RepairProcessTest ships a case in September after the database has seen December), which can leave a case whose
     * pause was cached as lying ahead of that moment's "now" (running towards a deadline) and is held now. The board
     * checks below are over every open case, so they start from every case cached as the product would have cached it
     * at this moment (as CacheMissingClocks does): they test the board, not the other classes' time travel.
     */
    private void everyOpenCaseCachedAsOfNow() {
        for (Long id : jdbc.queryForList("select id from ticket where status <> 'CLOSED' order by id", Long.class)) {
            cacheClocks.refresh(id);
        }
    }

    private long report(Duration ago) {
        Map<String, Object> body = ticketBody("HOTLINE", "MEDIUM", "MEDIUM"); // level 2: respond within 30 min
        body.put("receivedAt", clock.instant().minus(ago).toString());
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private static JsonNode clockOf(JsonNode row, String clock) {
        for (JsonNode c : row.path("clocks")) {
            if (c.path("clock").asText().equals(clock)) {
                return c;
            }
        }
        throw new AssertionError("no live clock " + clock + " in " + row);
    }

    @Test
    void boardShowsAtRiskAndOverdueCasesWithTheirClocksAndFilters() {
        everyOpenCaseCachedAsOfNow();
        long atRisk = report(Duration.ofMinutes(25));
        long overdue = report(Duration.ofMinutes(45));

        ApiClient.Response all = api.get("t-sup", "/api/sla/board");
        assertThat(all.status()).isEqualTo(200);
        JsonNode risky = api.boardRow("t-sup", "", atRisk);
        // the case is overdue as a whole: nobody dispatched it within 10 minutes (IN-5)
        assertThat(risky.path("risk").asText()).isEqualTo("OVERDUE");
        assertThat(clockOf(risky, "DISPATCH").path("risk").asText()).isEqualTo("OVERDUE");
        JsonNode response = clockOf(risky, "RESPONSE");
        assertThat(response.path("risk").asText()).isEqualTo("AT_RISK");
        assertThat(response.path("remainingSeconds").asLong()).isEqualTo(5 * 60);
        assertThat(response.path("state").asText()).isEqualTo("RUNNING");
        assertThat(clockOf(api.boardRow("t-sup", "", overdue), "RESPONSE").path("state").asText()).isEqualTo("BREACHED");
        assertThat(all.body().path("counts").path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(all.body().path("counts").path("byClock").findValuesAsText("clock")).contains("RESPONSE");

        assertThat(api.get("t-sup", "/api/sla/board?risk=OVERDUE&clock=RESPONSE&region=CITY").status()).isEqualTo(200);
        assertThat(api.boardRow("t-sup", "risk=OVERDUE&clock=RESPONSE&region=CITY", overdue)).isNotNull();
        assertThat(api.boardRow("t-sup", "risk=OVERDUE&clock=RESPONSE&region=CITY", atRisk)).isNull();
        // most urgent first: each row's most urgent clock has no more time left than the next row's
        List<Long> remaining = new java.util.ArrayList<>();
        for (JsonNode row : all.body().path("rows")) {
            JsonNode first = row.path("clocks").path(0);
            if (!first.isMissingNode() && !first.path("state").asText().equals("PAUSED")) {
                remaining.add(first.path("remainingSeconds").asLong());
            }
        }
        assertThat(remaining).hasSizeGreaterThanOrEqualTo(2).isSorted();

        assertThat(api.get("t-eng", "/api/sla/board").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/sla/board?sort=fastest").errorFields()).containsExactly("sort");
        assertThat(api.get("t-sup", "/api/sla/board?risk=LATE").status()).isEqualTo(400);
    }

    /**
     * The board's order is the nearest deadline of a case's running clocks. Since V67 a page reads it from the case
     * (board_due, kept by CacheClocks with the clock rows) instead of ranking every open case's clock rows: the kept
     * value must be exactly what the rows say, and the board must list the cases by it.
     */
    @Test
    void boardOrdersByTheNearestRunningDeadlineKeptOnTheCase() {
        long fresh = report(Duration.ZERO);
        long overdue = report(Duration.ofMinutes(45));
        long atRisk = report(Duration.ofMinutes(25));
        for (long id : List.of(fresh, overdue, atRisk)) {
            java.sql.Timestamp kept = jdbc.queryForObject("select board_due from ticket where id = ?", java.sql.Timestamp.class, id);
            java.sql.Timestamp nearest = jdbc.queryForObject("select min(due_at) from board_clock where ticket_id = ? and state = 'RUNNING'",
                    java.sql.Timestamp.class, id);
            assertThat(nearest).as("case %d has running clocks", id).isNotNull();
            assertThat(kept).as("case %d", id).isEqualTo(nearest);
        }
        List<Long> order = new java.util.ArrayList<>();
        for (int page = 0; page < 50 && !order.containsAll(List.of(fresh, overdue, atRisk)); page++) {
            JsonNode board = api.get("t-sup", "/api/sla/board?size=200&page=" + page).body();
            board.path("rows").forEach(r -> order.add(r.path("ticketId").asLong()));
            if (board.path("rows").size() < 200) {
                break;
            }
        }
        assertThat(order.indexOf(overdue)).as("overdue before at risk").isGreaterThanOrEqualTo(0).isLessThan(order.indexOf(atRisk));
        assertThat(order.indexOf(atRisk)).as("at risk before the fresh case").isLessThan(order.indexOf(fresh));
    }

    @Test
    void boardPagesOnTheServerAndItsCountsAgreeWithTheRowsEachFilterLists() {
        everyOpenCaseCachedAsOfNow();
        report(Duration.ofMinutes(25));
        report(Duration.ofMinutes(45));
        report(Duration.ofMinutes(50));
        report(Duration.ZERO);

        JsonNode all = api.get("t-sup", "/api/sla/board").body();
        assertThat(all.path("size").asInt()).as("a page of 50 by default").isEqualTo(50);
        assertThat(all.path("matching").asLong()).as("no filter: every open case").isEqualTo(all.path("counts").path("total").asLong());

        // one row a page: consecutive pages are consecutive rows of the board's order, never the same case twice
        JsonNode first = api.get("t-sup", "/api/sla/board?size=1&page=0").body();
        JsonNode second = api.get("t-sup", "/api/sla/board?size=1&page=1").body();
        assertThat(first.path("rows")).hasSize(1);
        assertThat(second.path("rows")).hasSize(1);
        JsonNode two = api.get("t-sup", "/api/sla/board?size=2").body();
        assertThat(two.path("rows").findValuesAsText("number")).containsExactly(first.path("rows").get(0).path("number").asText(),
                second.path("rows").get(0).path("number").asText());

        // each level's figure is the number of rows its filter lists; overdue cases summed over levels likewise
        long overdue = 0;
        for (JsonNode level : all.path("counts").path("byLevel")) {
            if (!level.path("level").asText().equals("-")) {
                assertThat(api.get("t-sup", "/api/sla/board?level=" + level.path("level").asText()).body().path("matching").asLong())
                        .as("level " + level.path("level").asText()).isEqualTo(level.path("open").asLong());
            }
            overdue += level.path("overdue").asLong();
        }
        assertThat(overdue).isGreaterThanOrEqualTo(2);
        assertThat(api.get("t-sup", "/api/sla/board?risk=OVERDUE").body().path("matching").asLong()).isEqualTo(overdue);
        // each clock's overdue figure is the rows listed for that clock and risk, and every listed row is what it says
        for (JsonNode c : all.path("counts").path("byClock")) {
            String clock = c.path("clock").asText();
            int listed = 0;
            for (int page = 0; ; page++) {
                JsonNode board = api.get("t-sup", "/api/sla/board?size=200&clock=" + clock + "&risk=OVERDUE&page=" + page).body();
                assertThat(board.path("matching").asLong()).as(clock).isEqualTo(c.path("overdue").asLong());
                for (JsonNode row : board.path("rows")) {
                    assertThat(clockOf(row, clock).path("risk").asText()).as(row.toString()).isEqualTo("OVERDUE");
                    listed++;
                }
                if (board.path("rows").size() < 200) {
                    break;
                }
            }
            assertThat(listed).as(clock).isEqualTo(c.path("overdue").asInt());
        }

        assertThat(api.get("t-sup", "/api/sla/board?size=0").errorFields()).containsExactly("size");
        assertThat(api.get("t-sup", "/api/sla/board?size=201").errorFields()).containsExactly("size");
        assertThat(api.get("t-sup", "/api/sla/board?page=-1").errorFields()).containsExactly("page");
    }

    @Autowired com.aftercare.sla.SaveContract saveContract;
    @Autowired com.aftercare.notify.NotificationService notifications;

    @Test
    void abnormalEventReachesTheProjectManagerAtOnceAndTechnicalOnesTheSeniorEngineer() {
        saveContract.save(site.getCustomer().getId(), new com.aftercare.sla.ContractSettings("O&M", "THREE_LEVEL",
                com.aftercare.sla.CalendarKind.SEVEN_BY_24, null, null, "t-sup", "t-admin", null, false, null, null, null));
        long id = report(Duration.ZERO);
        com.aftercare.ticket.Ticket ticket = tickets.get(id);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));

        assertThat(api.post("t-eng2", "/api/tickets/" + id + "/abnormal-events", Map.of("description", "x")).status())
                .isEqualTo(403);
        assertThat(api.post("t-eng", "/api/tickets/" + id + "/abnormal-events", Map.of("description", " ")).errorFields())
                .containsExactly("description");
        assertThat(api.post("t-eng", "/api/tickets/" + id + "/abnormal-events",
                Map.of("description", "NVR disk array degraded, two disks failed", "technical", true)).status()).isEqualTo(204);
        List<String> told = notifications.ofTicket(id).stream().map(com.aftercare.notify.Notification::getRecipientUser).toList();
        assertThat(told).contains("t-sup", "t-admin");
        // the contract has no language set, so the message is all Chinese (only the typed description is not)
        assertThat(notifications.ofTicket(id).stream().filter(n -> "t-sup".equals(n.getRecipientUser()))
                .map(com.aftercare.notify.Notification::getMessage))
                .containsExactly("【异常上报】" + ticket.getNumber() + " " + ticket.getSite().getName()
                        + "｜t-eng：上报异常事件（技术原因）：NVR disk array degraded, two disks failed");
        assertThat(api.get("t-sup", "/api/tickets/" + id + "/clocks").body().path("clocks").findParents("clock").stream()
                .filter(c -> c.path("clock").asText().equals("PM_REPORT")).findFirst().orElseThrow()
                .path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.post("t-desk", "/api/tickets/" + id + "/abnormal-events/acknowledge", null).status()).isEqualTo(403);
        assertThat(api.post("t-sup", "/api/tickets/" + id + "/abnormal-events/acknowledge", null).status()).isEqualTo(204);
        assertThat(api.post("t-sup", "/api/tickets/" + id + "/abnormal-events/acknowledge", null).status()).isEqualTo(409);
    }

    @Test
    void aProcessOwnerCreatesAPolicyChangesItAndMovesOpenTicketsOntoIt() {
        String code = "CITY_POLICE_" + System.nanoTime();
        Map<String, Object> policy = new HashMap<>(Map.of("code", code, "name", "City police 2026", "levelDecision", "faultLevel",
                "levels", List.of(Map.of("code", "1", "name", "L1", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT15M"))),
                        Map.of("code", "2", "name", "L2", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT30M"))),
                        Map.of("code", "3", "name", "L3", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT30M")))),
                "escalation", List.of(Map.of("name", "BREACH", "percent", 100, "recipients", List.of("SUPERVISORS")))));
        Map<String, Object> badCode = new HashMap<>(policy);
        badCode.put("code", "city police");
        assertThat(api.post("t-admin", "/api/sla/policies", badCode).errorFields()).containsExactly("code");
        assertThat(api.post("t-desk", "/api/sla/policies", policy).status()).isEqualTo(403);
        assertThat(api.post("t-admin", "/api/sla/policies", policy).status()).isEqualTo(201);
        assertThat(api.post("t-admin", "/api/sla/policies", policy).status()).isEqualTo(409);

        ApiClient.Response contract = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + site.getCustomer().getId(),
                Map.of("name", "O&M", "policyCode", code, "calendar", "SEVEN_BY_24", "notifyEmail", false), null);
        assertThat(contract.status()).as(contract.body().toString()).isEqualTo(200);
        long id = report(Duration.ZERO);

        Map<String, Object> longer = new HashMap<>(policy);
        longer.remove("code");
        longer.put("levels", List.of(Map.of("code", "1", "name", "L1", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT15M"))),
                Map.of("code", "2", "name", "L2", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT60M"))),
                Map.of("code", "3", "name", "L3", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT60M")))));
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/sla/policies/" + code, longer, null).body().path("version").asInt())
                .isEqualTo(2);
        assertThat(api.get("t-sup", "/api/tickets/" + id + "/clocks").body().path("clocks").get(0).path("target").asText())
                .isEqualTo("PT30M"); // an open ticket keeps its version until asked

        assertThat(api.post("t-desk", "/api/sla/policies/" + code + "/apply-to-open", null).status()).isEqualTo(403);
        ApiClient.Response applied = api.post("t-admin", "/api/sla/policies/" + code + "/apply-to-open", null);
        assertThat(applied.body().path("ticketsUpdated").asInt()).isEqualTo(1);
        assertThat(api.get("t-sup", "/api/tickets/" + id + "/clocks").body().path("clocks").get(0).path("target").asText())
                .isEqualTo("PT1H");
        assertThat(api.post("t-admin", "/api/sla/policies/" + code + "/apply-to-open", null).body().path("ticketsUpdated").asInt())
                .isZero();
    }

    @Test
    void boardExportsToExcel() {
        report(Duration.ofMinutes(45));
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("t-sup", PASSWORD);
        ResponseEntity<byte[]> r = rest.exchange("/api/sla/board.xlsx?risk=OVERDUE", HttpMethod.GET, new HttpEntity<>(headers),
                byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).contains("spreadsheetml");
        assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("sla-board-").contains(".xlsx");
        assertThat(r.getBody()).startsWith('P', 'K'); // a zip container, as every .xlsx is
        assertThat(r.getBody().length).isGreaterThan(1000);
    }

    @Test
    void ticketClocksShowPolicyTargetsAndHistory() {
        long id = report(Duration.ofMinutes(10));
        ApiClient.Response hold = api.post("t-desk", "/api/tickets/" + id + "/hold", Map.of("reason", "WAITING_CUSTOMER"));
        assertThat(hold.status()).as(hold.body().toString()).isEqualTo(200);
        ApiClient.Response clocks = api.get("t-eng", "/api/tickets/" + id + "/clocks");
        assertThat(clocks.status()).isEqualTo(200);
        assertThat(clocks.body().path("policy").path("code").asText()).isEqualTo("THREE_LEVEL");
        assertThat(clocks.body().path("level").asText()).isEqualTo("2");
        JsonNode response = clocks.body().path("clocks").get(0);
        assertThat(response.path("clock").asText()).isEqualTo("RESPONSE");
        assertThat(response.path("target").asText()).isEqualTo("PT30M");
        assertThat(response.path("state").asText()).isEqualTo("PAUSED");
        assertThat(response.path("remainingSeconds").asLong()).isEqualTo(20 * 60);
        assertThat(response.path("history").findValuesAsText("kind")).containsSubsequence("STARTED", "PAUSED");
        assertThat(api.get("t-desk", "/api/tickets/" + id).body().path("holdReason").asText()).isEqualTo("WAITING_CUSTOMER");
        assertThat(api.exchange("t-desk", HttpMethod.DELETE, "/api/tickets/" + id + "/hold", null, null).status()).isEqualTo(204);
        assertThat(api.exchange("t-desk", HttpMethod.DELETE, "/api/tickets/" + id + "/hold", null, null).status()).isEqualTo(409);
    }

    private long milestones() {
        return jdbc.queryForObject("select count(*) from sla_milestone", Long.class);
    }

    @Test
    void badSlaInputNamesTheFieldAndRecordsNothing() {
        long ticketsBefore = jdbc.queryForObject("select count(*) from ticket", Long.class);
        Map<String, Object> future = ticketBody("HOTLINE", "LOW", "LOW");
        future.put("receivedAt", clock.instant().plus(Duration.ofHours(1)).toString());
        assertThat(api.post("t-desk", "/api/tickets", future).errorFields()).containsExactly("receivedAt");
        Map<String, Object> ancient = new HashMap<>(future);
        ancient.put("receivedAt", clock.instant().minus(Duration.ofDays(8)).toString());
        assertThat(api.post("t-desk", "/api/tickets", ancient).errorFields()).containsExactly("receivedAt");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(ticketsBefore);

        long id = report(Duration.ZERO);
        long before = milestones();
        String base = "/api/tickets/" + id;
        assertThat(api.post("t-desk", base + "/hold", Map.of("reason", "LUNCH")).errorFields()).containsExactly("reason");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, base + "/level", Map.of("level", "9", "reason", "x"), null)
                .errorFields()).containsExactly("level");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, base + "/level", Map.of("level", "1"), null).errorFields())
                .containsExactly("reason");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, base + "/level", Map.of("level", "1", "reason", "x"), null).status())
                .isEqualTo(403);
        assertThat(api.post("t-desk", base + "/deliverables", Map.of("kind", "POEM", "text", "x")).errorFields())
                .containsExactly("kind");
        assertThat(api.post("t-desk", base + "/deliverables", Map.of("kind", "FAULT_REPORT", "text", "too early")).status())
                .isEqualTo(409); // owed only after resolution
        assertThat(api.post("t-desk", base + "/deliverables", Map.of("kind", "SOLUTION_PLAN", "text", "x")).status())
                .isEqualTo(409); // the three-level scheme has no solution-plan clock
        assertThat(api.post("t-eng2", base + "/on-site", null).status()).isEqualTo(403); // not their ticket
        assertThat(api.post("t-sup", base + "/abnormal-events/acknowledge", null).status()).isEqualTo(409);
        assertThat(api.post("t-desk", base + "/hold", "not json").status()).isEqualTo(400);
        assertThat(milestones()).isEqualTo(before);
    }

    @Test
    void policiesAndContractsAreValidatedAndOnlyOwnersChangeThem() {
        ApiClient.Response shipped = api.get("t-desk", "/api/sla/policies");
        assertThat(shipped.body().findValuesAsText("code")).contains("THREE_LEVEL", "SIX_LEVEL", "CLASS_ABCD", "DESK_HOURS");
        JsonNode three = api.get("t-desk", "/api/sla/policies/THREE_LEVEL").body();
        assertThat(three.path("levels").findValuesAsText("code")).containsExactly("1", "2", "3");

        Map<String, Object> bad = Map.of("name", "Broken", "levelDecision", "faultLevel",
                "levels", List.of(Map.of("code", "1", "name", "L1", "clocks", List.of(Map.of("clock", "RESPONSE", "target", "PT30M")))),
                "escalation", List.of(Map.of("name", "WARNING", "percent", 75, "recipients", List.of("DESK_LEAD")),
                        Map.of("name", "BREACH", "percent", 50, "recipients", List.of("DESK_LEAD"))));
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/sla/policies/THREE_LEVEL", bad, null).status()).isEqualTo(403);
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/sla/policies/THREE_LEVEL", bad, null).errorFields())
                .containsExactly("escalation[1].percent");
        Map<String, Object> unknownDecision = new HashMap<>(bad);
        unknownDecision.put("escalation", List.of(Map.of("name", "WARNING", "percent", 75, "recipients", List.of("DESK_LEAD"))));
        unknownDecision.put("levelDecision", "severityTable");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/sla/policies/THREE_LEVEL", unknownDecision, null).errorFields())
                .containsExactly("levelDecision"); // every new ticket would fail at "determine level"
        assertThat(api.get("t-desk", "/api/sla/policies/THREE_LEVEL/versions").body().size()).isEqualTo(1);
        assertThat(api.get("t-desk", "/api/sla/policies/NOPE").status()).isEqualTo(404);

        Map<String, Object> contract = new HashMap<>(Map.of("name", "O&M 2026", "policyCode", "CLASS_ABCD", "calendar", "FIVE_BY_8",
                "wecomWebhookUrl", "ftp://example.com/x", "notifyEmail", false));
        String path = "/api/contracts/" + site.getCustomer().getId();
        assertThat(api.exchange("t-admin", HttpMethod.PUT, path, contract, null).errorFields()).containsExactly("wecomWebhookUrl");
        contract.put("wecomWebhookUrl", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc");
        contract.put("policyCode", "NOPE");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, path, contract, null).errorFields()).containsExactly("policyCode");
        contract.put("policyCode", "CLASS_ABCD");
        contract.put("zone", "Mars/Olympus");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, path, contract, null).errorFields()).containsExactly("zone");
        contract.remove("zone");
        contract.put("projectManager", "nobody-by-that-name");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, path, contract, null).errorFields()).containsExactly("projectManager");
        contract.put("projectManager", "t-sup");
        // the command's rules are checked together, each problem under its field
        Map<String, Object> severalWrong = new HashMap<>(contract);
        severalWrong.put("name", " ");
        severalWrong.put("policyCode", "NOPE");
        severalWrong.remove("calendar");
        severalWrong.put("deskLead", "no-such-lead");
        ApiClient.Response several = api.exchange("t-admin", HttpMethod.PUT, path, severalWrong, null);
        assertThat(several.errorFields()).containsExactlyInAnyOrder("name", "policyCode", "calendar", "deskLead");
        assertThat(several.body().toString()).as("names the policies there are and the user not found")
                .contains("THREE_LEVEL").contains("no user no-such-lead");
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/987654", contract, null).status()).isEqualTo(404);
        assertThat(api.get("t-admin", path).status()).as("nothing written by the rejected requests").isEqualTo(404);
        contract.put("dingtalkSecret", "SECabc");
        ApiClient.Response saved = api.exchange("t-admin", HttpMethod.PUT, path, contract, null);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("dingtalkSecretSet").asBoolean()).isTrue();
        assertThat(saved.body().has("dingtalkSecret")).isFalse();
        assertThat(api.exchange("t-desk", HttpMethod.PUT, path, contract, null).status()).isEqualTo(403);
    }
}
