package com.aftercare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15, supervisors act: reassign (through the engine), nudge and raise the level on one case and on several at
 * once; each recorded on the timeline and in the audit chain; supervisors and admins only; bad input a 400 naming
 * the field with nothing done; a bulk request's rows each done or refused on their own, and done once per key.
 */
class SupervisorActionsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    /** A reported case the desk passed on to dispatch: it waits at "Assign engineer", nobody holds it. */
    private Ticket waitingForDispatch() {
        Ticket t = report(Category.DEFECT);
        complete(t, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        return t;
    }

    private Ticket dispatchedTo(String engineer) {
        Ticket t = waitingForDispatch();
        complete(t, "assignEngineer", "t-desk", Map.of("engineer", engineer));
        return t;
    }

    private String base(Ticket t) {
        return "/api/supervision/cases/" + t.getId();
    }

    private List<String> timeline(Ticket t, String type) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : api.get("t-sup", "/api/tickets/" + t.getId()).body().path("timeline")) {
            if (e.path("type").asText().equals(type)) {
                lines.add(e.path("message").asText());
            }
        }
        return lines;
    }

    private long notificationsOf(String user, Ticket t) {
        long n = 0;
        for (JsonNode x : api.get(user, "/api/notifications").body()) {
            if (x.path("ticketId").asLong() == t.getId()) {
                n++;
            }
        }
        return n;
    }

    private String auditOf(Ticket t) {
        return api.get("t-sup", "/api/tickets/" + t.getId() + "/audit?size=500").body().toString();
    }

    @Test
    void reassignDispatchesAWaitingCaseThenMovesItsOpenTaskToTheNewEngineer() {
        Ticket t = waitingForDispatch();

        ApiClient.Response first = api.post("t-sup", base(t) + "/reassign", Map.of("engineer", "t-eng"));
        assertThat(first.status()).as(String.valueOf(first.body())).isEqualTo(204);
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng");
        assertThat(task(t, "acceptAssignment").assignee()).isEqualTo("t-eng");

        long told = notificationsOf("t-eng2", t);
        ApiClient.Response moved = api.post("t-sup", base(t) + "/reassign", Map.of("engineer", "t-eng2", "reason", "t-eng 生病"));
        assertThat(moved.status()).as(String.valueOf(moved.body())).isEqualTo(204);
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng2");
        assertThat(task(t, "acceptAssignment").assignee()).isEqualTo("t-eng2");
        assertThat(timeline(t, "REASSIGNED")).containsExactly("主管改派：未派单 → Test Engineer", "主管改派：Test Engineer → Test Engineer 2，原因：t-eng 生病");
        assertThat(notificationsOf("t-eng2", t)).isEqualTo(told + 1);
        assertThat(auditOf(t)).contains("REASSIGNED");
        // the engine really moved: the new engineer works the step, the old one no longer may
        assertThat(api.post("t-eng", "/api/tasks/" + task(t, "acceptAssignment").id() + "/complete", Map.of("accepted", true))
                .status()).isEqualTo(403);
        complete(t, "acceptAssignment", "t-eng2", Map.of("accepted", true));
        assertThat(openTaskKeys(t)).contains("checkIn");
        assertThat(task(t, "checkIn").assignee()).isEqualTo("t-eng2");

        // the same engineer again is a conflict; an unknown one a 400 naming the field; nothing changes
        assertThat(api.post("t-sup", base(t) + "/reassign", Map.of("engineer", "t-eng2")).status()).isEqualTo(409);
        ApiClient.Response unknown = api.post("t-sup", base(t) + "/reassign", Map.of("engineer", "nobody-here"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("engineer");
        assertThat(api.post("t-sup", base(t) + "/reassign", Map.of("reason", "x")).errorFields()).containsExactly("engineer");
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng2");
        assertThat(timeline(t, "REASSIGNED")).hasSize(2);
    }

    @Test
    void aCaseStillAtTheDeskHasNoEngineerStepToReassign() {
        Ticket t = report(Category.DEFECT);
        ApiClient.Response r = api.post("t-sup", base(t) + "/reassign", Map.of("engineer", "t-eng"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(tickets.get(t.getId()).getAssignee()).isNull();
        assertThat(timeline(t, "REASSIGNED")).isEmpty();
    }

    @Test
    void nudgeTellsTheAssigneeAndIsOnTheTimelineOnceEvenWhenClickedTwice() {
        Ticket nobody = waitingForDispatch();
        assertThat(api.post("t-sup", base(nobody) + "/nudge", Map.of()).status()).isEqualTo(409);

        Ticket t = dispatchedTo("t-eng");
        long before = notificationsOf("t-eng", t);
        Map<String, String> key = Map.of("Idempotency-Key", "nudge-" + t.getId());
        assertThat(api.post("t-sup", base(t) + "/nudge", Map.of("reason", "客户在催，请尽快到场"), key).status()).isEqualTo(204);
        assertThat(api.post("t-sup", base(t) + "/nudge", Map.of("reason", "客户在催，请尽快到场"), key).status()).isEqualTo(204);
        assertThat(notificationsOf("t-eng", t)).isEqualTo(before + 1);
        assertThat(timeline(t, "NUDGED")).containsExactly("主管催办 Test Engineer：客户在催，请尽快到场");
        assertThat(api.exchange("t-eng", HttpMethod.GET, "/api/notifications", null, Map.of("Accept-Language", "en")).body()
                .toString()).contains("Supervisor nudged Test Engineer");
        assertThat(auditOf(t)).contains("NUDGED");
        // the same key for another request is refused
        assertThat(api.post("t-sup", base(t) + "/nudge", Map.of("reason", "another"), key).status()).isEqualTo(422);
    }

    @Test
    void raisingTheLevelNeedsAReasonGoesOnlyUpAndReDerivesTheClocks() {
        Ticket t = report(Category.DEFECT);
        String level = tickets.get(t.getId()).getLevel();
        assertThat(level).isEqualTo("3");
        String targetBefore = resolutionTarget(t);

        ApiClient.Response noReason = api.post("t-sup", base(t) + "/raise-level", Map.of("level", "2"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        ApiClient.Response unknown = api.post("t-sup", base(t) + "/raise-level", Map.of("level", "9", "reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("level");
        assertThat(tickets.get(t.getId()).getLevel()).isEqualTo("3");

        ApiClient.Response raised = api.post("t-sup", base(t) + "/raise-level", Map.of("level", "2", "reason", "整个路口的监控都黑了"));
        assertThat(raised.status()).as(String.valueOf(raised.body())).isEqualTo(204);
        assertThat(tickets.get(t.getId()).getLevel()).isEqualTo("2");
        assertThat(targetBefore).isEqualTo("PT48H");
        assertThat(resolutionTarget(t)).isEqualTo("PT36H");
        assertThat(timeline(t, "LEVEL")).anyMatch(line -> line.contains("整个路口的监控都黑了"));
        // down or sideways is not a raise
        assertThat(api.post("t-sup", base(t) + "/raise-level", Map.of("level", "3", "reason", "x")).status()).isEqualTo(409);
        assertThat(api.post("t-sup", base(t) + "/raise-level", Map.of("level", "2", "reason", "x")).status()).isEqualTo(409);
        assertThat(api.post("t-admin", base(t) + "/raise-level", Map.of("level", "1", "reason", "管理员确认")).status()).isEqualTo(204);
        assertThat(tickets.get(t.getId()).getLevel()).isEqualTo("1");
    }

    /** THREE_LEVEL: resolve level 3 in 48 h, level 2 in 36 h, level 1 in 24 h (SLA-1). */
    private String resolutionTarget(Ticket t) {
        for (JsonNode c : api.get("t-sup", "/api/tickets/" + t.getId() + "/clocks").body().path("clocks")) {
            if (c.path("clock").asText().equals("RESOLUTION")) {
                return c.path("target").asText();
            }
        }
        throw new AssertionError("no resolution clock");
    }

    @Test
    void onlySupervisorsAndAdminsMayAct() {
        Ticket t = dispatchedTo("t-eng");
        String customer = "cust-sup-" + System.nanoTime();
        accounts.createIfAbsent(customer, PASSWORD, "Customer", Set.of(Role.CUSTOMER));
        for (String user : List.of("t-desk", "t-eng", customer)) {
            assertThat(api.get(user, "/api/supervision/engineers").status()).as(user).isEqualTo(403);
            assertThat(api.post(user, base(t) + "/reassign", Map.of("engineer", "t-eng2")).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, base(t) + "/nudge", Map.of()).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, base(t) + "/raise-level", Map.of("level", "1", "reason", "x")).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/supervision/bulk", Map.of("action", "NUDGE", "ticketIds", List.of(t.getId())))
                    .status()).as(user).isEqualTo(403);
        }
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng");
        assertThat(timeline(t, "NUDGED")).isEmpty();
        assertThat(api.post("t-admin", base(t) + "/nudge", Map.of()).status()).isEqualTo(204);
    }

    @Autowired ListEngineerWorkloads workloads;
    @Autowired CacheMissingClocks cacheMissingClocks;

    @Test
    void openJobsAreCountedByTheDatabaseOpenCasesOnlyAsCountingEveryOpenCaseDid() {
        long before = workloads.openJobsByAssignee().getOrDefault("t-eng2", 0L);
        dispatchedTo("t-eng2");
        Ticket closed = dispatchedTo("t-eng2");
        assertThat(workloads.openJobsByAssignee().get("t-eng2")).isEqualTo(before + 2);
        jdbc.update("update ticket set status = 'CLOSED' where id = ?", closed.getId());
        assertThat(workloads.openJobsByAssignee().get("t-eng2")).as("a closed case is no job").isEqualTo(before + 1);

        // the aggregate gives every assignee what loading every open case and counting in memory gave
        Map<String, Long> counted = new HashMap<>();
        searchTickets.openTickets().stream().map(Ticket::getAssignee).filter(java.util.Objects::nonNull)
                .forEach(a -> counted.merge(a, 1L, Long::sum));
        assertThat(workloads.openJobsByAssignee()).isEqualTo(counted);
    }

    private int clockRows(Ticket t) {
        return jdbc.queryForObject("select count(*) from board_clock where ticket_id = ?", Integer.class, t.getId());
    }

    @Test
    void theBoardsReadWritesNothingAndTheSweepCachesTheClocksOfACaseThatHadNone() {
        Ticket t = report(Category.DEFECT);
        assertThat(clockRows(t)).as("cached as the escalation started").isPositive();
        // as a case from before V55, or from a path that does not cache its clocks
        jdbc.update("delete from board_clock where ticket_id = ?", t.getId());
        jdbc.update("update ticket set clocks_cached_at = null where id = ?", t.getId());

        JsonNode row = api.boardRow("t-sup", "", t.getId());
        assertThat(row).as("listed all the same, its clocks replayed").isNotNull();
        assertThat(row.path("clocks").size()).isPositive();
        assertThat(api.boardRow("t-sup", "clock=RESPONSE", t.getId())).as("until the sweep: no clock rows to filter on").isNull();
        assertThat(clockRows(t)).as("the board's GET wrote no clock rows").isZero();
        assertThat(jdbc.queryForObject("select clocks_cached_at from ticket where id = ?", java.sql.Timestamp.class, t.getId()))
                .as("nor the ticket").isNull();

        cacheMissingClocks.run();
        assertThat(clockRows(t)).isEqualTo(row.path("clocks").size());
        assertThat(jdbc.queryForObject("select clocks_cached_at from ticket where id = ?", java.sql.Timestamp.class, t.getId()))
                .isNotNull();
        assertThat(api.boardRow("t-sup", "clock=RESPONSE", t.getId())).as("the filters see it now").isNotNull();
    }

    @Test
    void thePickerShowsEachEngineersRegionAndOpenJobs() {
        Ticket t = dispatchedTo("t-eng2");
        jdbc.update("update engineer set region = 'COUNTY' where username = 't-eng2'");
        JsonNode list = api.get("t-sup", "/api/supervision/engineers").body();
        JsonNode eng2 = null;
        for (JsonNode e : list) {
            if (e.path("username").asText().equals("t-eng2")) {
                eng2 = e;
            }
        }
        assertThat(eng2).isNotNull();
        long open = searchTickets.openTickets().stream().filter(x -> "t-eng2".equals(x.getAssignee())).count();
        assertThat(eng2.path("openJobs").asLong()).isEqualTo(open).isPositive();
        assertThat(eng2.path("region").asText()).isEqualTo("COUNTY");
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng2");
    }

    @Test
    void bulkReassignDoesTheRowsItCanReportsTheOthersAndIsDoneOncePerKey() {
        Ticket a = waitingForDispatch();
        Ticket b = dispatchedTo("t-eng");
        Ticket atDesk = report(Category.DEFECT);
        Ticket closed = dispatchedTo("t-eng");
        jdbc.update("update ticket set status = 'CLOSED' where id = ?", closed.getId());

        Map<String, Object> body = new HashMap<>();
        body.put("action", "REASSIGN");
        body.put("ticketIds", List.of(a.getId(), b.getId(), atDesk.getId(), closed.getId(), 987654321L));
        body.put("engineer", "t-eng2");
        body.put("reason", "集中处理");
        Map<String, String> key = Map.of("Idempotency-Key", "bulk-" + a.getId());

        ApiClient.Response r = api.post("t-sup", "/api/supervision/bulk", body, key);
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
        assertThat(r.body().path("done").asInt()).isEqualTo(2);
        assertThat(r.body().path("failed").asInt()).isEqualTo(3);
        assertThat(r.body().path("replayed").asBoolean()).isFalse();
        Map<Long, String> codes = new HashMap<>();
        r.body().path("rows").forEach(row -> codes.put(row.path("ticketId").asLong(),
                row.path("ok").asBoolean() ? "OK" : row.path("code").asText()));
        assertThat(codes).containsEntry(a.getId(), "OK").containsEntry(b.getId(), "OK")
                .containsEntry(atDesk.getId(), "NO_ENGINEER_STEP").containsEntry(closed.getId(), "CLOSED")
                .containsEntry(987654321L, "NOT_FOUND");
        assertThat(r.body().path("rows").get(0).path("number").asText()).isEqualTo(tickets.get(a.getId()).getNumber());
        assertThat(tickets.get(a.getId()).getAssignee()).isEqualTo("t-eng2");
        assertThat(tickets.get(b.getId()).getAssignee()).isEqualTo("t-eng2");
        assertThat(task(b, "acceptAssignment").assignee()).isEqualTo("t-eng2");
        assertThat(tickets.get(atDesk.getId()).getAssignee()).isNull();
        assertThat(tickets.get(closed.getId()).getAssignee()).isEqualTo("t-eng");

        // a double click: the first outcomes again, nothing done twice
        ApiClient.Response again = api.post("t-sup", "/api/supervision/bulk", body, key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("replayed").asBoolean()).isTrue();
        assertThat(again.body().path("rows")).isEqualTo(r.body().path("rows"));
        assertThat(timeline(b, "REASSIGNED")).hasSize(1);
        // the key for another request is refused
        Map<String, Object> other = new HashMap<>(body);
        other.put("engineer", "t-eng");
        assertThat(api.post("t-sup", "/api/supervision/bulk", other, key).status()).isEqualTo(422);
    }

    @Test
    void bulkNudgeAndRaiseReportRowsThatCannotBeDone() {
        Ticket nobody = waitingForDispatch();
        Ticket held = dispatchedTo("t-eng");
        ApiClient.Response nudge = api.post("t-sup", "/api/supervision/bulk",
                Map.of("action", "NUDGE", "ticketIds", List.of(nobody.getId(), held.getId())));
        assertThat(nudge.status()).isEqualTo(200);
        assertThat(nudge.body().path("rows").get(0).path("code").asText()).isEqualTo("NO_ASSIGNEE");
        assertThat(nudge.body().path("rows").get(1).path("ok").asBoolean()).isTrue();
        assertThat(timeline(held, "NUDGED")).hasSize(1);

        ApiClient.Response raise = api.post("t-sup", "/api/supervision/bulk",
                Map.of("action", "RAISE_LEVEL", "ticketIds", List.of(nobody.getId(), held.getId()), "level", "2", "reason", "片区停电"));
        assertThat(raise.body().path("done").asInt()).isEqualTo(2);
        ApiClient.Response again = api.post("t-sup", "/api/supervision/bulk",
                Map.of("action", "RAISE_LEVEL", "ticketIds", List.of(nobody.getId()), "level", "2", "reason", "片区停电"));
        assertThat(again.body().path("rows").get(0).path("code").asText()).isEqualTo("NOT_MORE_SEVERE");
        assertThat(tickets.get(held.getId()).getLevel()).isEqualTo("2");
        assertThat(timeline(held, "LEVEL")).anyMatch(line -> line.contains("片区停电"));
    }

    @Test
    void badBulkInputIsA400NamingTheFieldAndNothingIsDone() {
        Ticket t = dispatchedTo("t-eng");
        List<Long> ids = List.of(t.getId());
        assertThat(api.post("t-sup", "/api/supervision/bulk", Map.of("action", "DELETE", "ticketIds", ids)).errorFields())
                .containsExactly("action");
        assertThat(api.post("t-sup", "/api/supervision/bulk", Map.of("action", "NUDGE", "ticketIds", List.of())).errorFields())
                .containsExactly("ticketIds");
        assertThat(api.post("t-sup", "/api/supervision/bulk", Map.of("action", "REASSIGN", "ticketIds", ids, "engineer", "ghost"))
                .errorFields()).containsExactly("engineer");
        assertThat(api.post("t-sup", "/api/supervision/bulk", Map.of("action", "RAISE_LEVEL", "ticketIds", ids, "level", "1"))
                .errorFields()).containsExactly("reason");
        ApiClient.Response badKey = api.post("t-sup", "/api/supervision/bulk", Map.of("action", "NUDGE", "ticketIds", ids),
                Map.of("Idempotency-Key", "x".repeat(101)));
        assertThat(badKey.errorFields()).containsExactly("Idempotency-Key");
        assertThat(tickets.get(t.getId()).getAssignee()).isEqualTo("t-eng");
        assertThat(tickets.get(t.getId()).getLevel()).isEqualTo("3");
        assertThat(timeline(t, "NUDGED")).isEmpty();
    }
}
