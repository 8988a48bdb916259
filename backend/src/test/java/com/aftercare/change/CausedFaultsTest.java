package com.aftercare.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.support.AtOnce;
import com.aftercare.support.ChangeBodies;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A supervisor judges a fault caused by a change (RP-5): any fault of the change's unit reported since its window
 * opened, once, with an optional note (500 characters); withdrawn again; both on the case's timeline and the audit
 * trail; the change's page lists them for staff and every list counts them. And the reminder: a finished change the
 * customer has not signed off three days after its outcome is counted on the board and listed for the desk to chase.
 */
class CausedFaultsTest extends IntegrationTest {

    // a period of its own: other tests' finished changes must not cross the three-day line in this test's minutes
    static final Instant NOW = Instant.parse("2027-09-06T01:00:00Z");
    static final Instant WINDOW = NOW.plus(Duration.ofDays(2));

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;
    String customerUser;
    long unit;

    @BeforeEach
    void customerUnit() {
        api = new ApiClient(rest);
        clock.set(NOW);
        unit = site.getCustomer().getId();
        customerUser = "cu-caused-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", unit);
    }

    private long approved() {
        return approved(WINDOW);
    }

    /** Asked for and approved two days before its window (the clock must stand there). */
    private long approved(Instant window) {
        Map<String, Object> body = ChangeBodies.normal(site, List.of(device.getId()), "核心交换机固件升级", window, Duration.ofHours(2));
        ApiClient.Response asked = api.post("t-eng", "/api/changes", body);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
        long id = asked.body().path("id").asLong();
        assertThat(api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true, "note", "同意")).status()).isEqualTo(200);
        return id;
    }

    private void openWindow(long id) {
        openWindow(id, WINDOW);
    }

    private void openWindow(long id, Instant window) {
        clock.set(window);
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("change-" + id)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).activityId("windowOpens")
                .timers().singleResult().getId());
    }

    private ApiClient.Response mark(String user, long id, Long ticketId, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("ticketId", ticketId);
        if (note != null) {
            body.put("note", note);
        }
        return api.post(user, "/api/changes/" + id + "/caused-faults", body);
    }

    private ApiClient.Response withdraw(String user, long id, long ticketId) {
        return api.exchange(user, HttpMethod.DELETE, "/api/changes/" + id + "/caused-faults/" + ticketId, null, Map.of());
    }

    private long marks(long id) {
        return jdbc.queryForObject("select count(*) from change_caused_case where change_id = ?", Long.class, id);
    }

    private long lines(long ticketId) {
        return jdbc.queryForObject("select count(*) from ticket_event where ticket_id = ? and kind = 'CausedByChange'", Long.class, ticketId);
    }

    @Test
    void aSupervisorJudgesAFaultCausedByTheChangeOnceAndMayWithdrawIt() {
        Ticket before = report(Category.DEFECT);
        long id = approved();
        String number = api.get("t-sup", "/api/changes/" + id).body().path("number").asText();
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("actions").path("markCausedFault").asBoolean()).isFalse();
        ApiClient.Response notYet = mark("t-sup", id, before.getId(), null);
        assertThat(notYet.status()).as("before its window nothing can be its doing").isEqualTo(409);
        assertThat(notYet.detail()).contains(number);

        openWindow(id);
        clock.set(WINDOW.plus(Duration.ofMinutes(30)));
        Ticket during = report(Category.DEFECT);
        Ticket consultation = report(Category.DEFECT);
        jdbc.update("update ticket set request_type = 'CONSULTATION' where id = ?", consultation.getId());
        Customer other = assets.createCustomer("另一单位 " + System.nanoTime());
        Site otherSite = assets.createSite(new NewSite(other.getId(), "别处", "路 1 号", Region.CITY, null, null));
        Ticket elsewhere = report(Category.DEFECT);
        jdbc.update("update ticket set site_id = ?, device_id = null where id = ?", otherSite.getId(), elsewhere.getId());

        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("actions").path("markCausedFault").asBoolean()).isTrue();
        assertThat(api.get("t-eng", "/api/changes/" + id).body().path("actions").path("markCausedFault").asBoolean()).isFalse();
        // bad input names the field; the wrong people are refused; nothing is written
        assertThat(mark("t-sup", id, null, null).errorFields()).containsExactly("ticketId");
        assertThat(mark("t-sup", id, 999_999_999L, null).errorFields()).containsExactly("ticketId");
        assertThat(mark("t-sup", id, before.getId(), null).errorFields()).as("reported before the window").containsExactly("ticketId");
        assertThat(mark("t-sup", id, consultation.getId(), null).errorFields()).as("not a fault").containsExactly("ticketId");
        assertThat(mark("t-sup", id, elsewhere.getId(), null).errorFields()).as("another unit's").containsExactly("ticketId");
        assertThat(mark("t-sup", id, during.getId(), "因".repeat(MarkCausedFault.MAX_NOTE + 1)).errorFields()).containsExactly("note");
        assertThat(mark("t-eng", id, during.getId(), null).status()).isEqualTo(403);
        assertThat(mark("t-desk", id, during.getId(), null).status()).isEqualTo(403);
        assertThat(mark(customerUser, id, during.getId(), null).status()).isEqualTo(403);
        assertThat(mark("t-sup", 999_999_999L, during.getId(), null).status()).isEqualTo(404);
        assertThat(marks(id)).isZero();
        assertThat(lines(during.getId())).isZero();

        String note = "升".repeat(MarkCausedFault.MAX_NOTE - 8) + "级后端口协商异常";
        ApiClient.Response marked = mark("t-sup", id, during.getId(), note);
        assertThat(marked.status()).as(marked.body().toString()).isEqualTo(200);
        assertThat(marked.body().path("causedFaultCount").asLong()).isEqualTo(1);
        JsonNode fault = marked.body().path("causedFaults").get(0);
        assertThat(fault.path("id").asLong()).isEqualTo(during.getId());
        assertThat(fault.path("number").asText()).isEqualTo(during.getNumber());
        assertThat(fault.path("deviceName").asText()).isEqualTo(device.getName());
        assertThat(fault.path("note").asText()).hasSize(MarkCausedFault.MAX_NOTE).endsWith("协商异常");
        assertThat(fault.path("markedBy").asText()).isEqualTo("t-sup");
        assertThat(fault.path("markedByName").asText()).isEqualTo("Test Supervisor");
        assertThat(Instant.parse(fault.path("markedAt").asText())).isEqualTo(clock.instant());

        ApiClient.Response again = mark("t-sup", id, during.getId(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains(during.getNumber()).contains(number);
        assertThat(marks(id)).isEqualTo(1);

        // every list counts it; the customer sees neither the judgement nor the count
        JsonNode listed = null;
        for (JsonNode c : api.get("t-desk", "/api/changes?from=" + WINDOW.minus(Duration.ofHours(1)) + "&to="
                + WINDOW.plus(Duration.ofHours(3))).body()) {
            if (c.path("id").asLong() == id) {
                listed = c;
            }
        }
        assertThat(listed.path("causedFaultCount").asLong()).isEqualTo(1);
        assertThat(listed.has("causedFaults")).as("the list carries the count, not the cases").isFalse();
        JsonNode told = api.get(customerUser, "/api/changes/" + id).body();
        assertThat(told.has("causedFaults")).isFalse();
        assertThat(told.path("causedFaultCount").asLong()).isZero();

        // on the case's timeline and the audit trail
        assertThat(lines(during.getId())).isEqualTo(1);
        assertThat(readTimeline.of(during.getId()).stream().map(l -> l.getMessage()).toList())
                .anyMatch(m -> m.contains(number) && m.contains("协商异常"));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'change_caused_case' and actor = 't-sup'"
                + " and ticket_id = ?", Long.class, during.getId())).isEqualTo(1);

        // withdrawn: gone from the page, a second line on the timeline, a second audit entry; again: 404
        assertThat(withdraw("t-eng", id, during.getId()).status()).isEqualTo(403);
        ApiClient.Response withdrawn = withdraw("t-sup", id, during.getId());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body().path("causedFaults")).isEmpty();
        assertThat(withdrawn.body().path("causedFaultCount").asLong()).isZero();
        assertThat(marks(id)).isZero();
        assertThat(lines(during.getId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'change_caused_case' and ticket_id = ?",
                Long.class, during.getId())).isEqualTo(2);
        assertThat(withdraw("t-sup", id, during.getId()).status()).isEqualTo(404);
    }

    @Test
    void twoSupervisorsJudgingAtOnceRecordItOnce() throws Exception {
        long id = approved();
        openWindow(id);
        Ticket during = report(Category.DEFECT);
        List<Integer> statuses = AtOnce.statuses(() -> mark("t-sup", id, during.getId(), "同一判断").status(),
                () -> mark("t-sup", id, during.getId(), "同一判断").status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(marks(id)).isEqualTo(1);
        assertThat(lines(during.getId())).isEqualTo(1);
    }

    @Test
    void aChangeNotSignedOffThreeDaysAfterItsOutcomeIsCountedAndListedUntilTheCustomerSignsIt() {
        // a period before every other test's changes (2027 on, or today's clock): none of theirs finished earlier, so the
        // count's difference is this change's and the list, oldest outcome first, starts with it
        Instant window = Instant.parse("2026-06-03T12:00:00Z");
        clock.set(window.minus(Duration.ofDays(2)));
        long id = approved(window);
        openWindow(id, window);
        Instant finished = window.plus(Duration.ofHours(1));
        clock.set(finished);
        assertThat(api.post("t-eng", "/api/changes/" + id + "/outcome", Map.of("outcome", "SUCCEEDED", "note", "完成")).status())
                .isEqualTo(200);

        clock.set(finished.plus(ReadChanges.SIGN_OFF_REMINDER).minusSeconds(60));
        long before = api.get("t-sup", "/api/changes/counts").body().path("awaitingSignOff").asLong();
        assertThat(awaiting()).doesNotContain(id);
        clock.set(finished.plus(ReadChanges.SIGN_OFF_REMINDER).plusSeconds(60));
        assertThat(api.get("t-sup", "/api/changes/counts").body().path("awaitingSignOff").asLong()).isEqualTo(before + 1);
        assertThat(awaiting()).contains(id);
        assertThat(ReadChanges.SIGN_OFF_REMINDER).isEqualTo(Duration.ofDays(3));

        assertThat(api.get("t-sup", "/api/changes?awaiting=later").errorFields()).containsExactly("awaiting");
        assertThat(api.get(customerUser, "/api/changes?awaiting=signOff").status()).isEqualTo(403);
        assertThat(api.get(customerUser, "/api/changes/counts").status()).isEqualTo(403);

        assertThat(api.post(customerUser, "/api/changes/" + id + "/confirmation", Map.of("accepted", true)).status()).isEqualTo(200);
        assertThat(api.get("t-sup", "/api/changes/counts").body().path("awaitingSignOff").asLong()).isEqualTo(before);
        assertThat(awaiting()).doesNotContain(id);
    }

    private List<Long> awaiting() {
        List<Long> ids = new ArrayList<>();
        api.get("t-desk", "/api/changes?awaiting=signOff").body().forEach(c -> ids.add(c.path("id").asLong()));
        return ids;
    }
}
