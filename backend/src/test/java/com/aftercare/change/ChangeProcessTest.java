package com.aftercare.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.mail.internet.MimeMessage;

import com.aftercare.api.ApiClient;
import com.aftercare.identity.AccountService;
import com.aftercare.notify.DeliveryWorker;
import com.aftercare.support.IntegrationTest;
import com.aftercare.support.ReceivedMails;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * RP-5 through change-request.bpmn, every path, over the API as its users work it; timers fired by executing their
 * jobs. A normal change: approved by a supervisor who did not ask for it, the customer's users told the window, scope
 * and fallback (in the app, and by e-mail when the contract says so) at once, the window's timer hands it to the
 * implementer, the outcome ends it, the end-of-window timer tells the supervisors once when no outcome is in. A major
 * change: tested first, a failed test ends it, a passed one announces it. Rejected, withdrawn at each wait, moved after
 * the notice (announced again, the timer moved). The notice time is held at both edges.
 */
class ChangeProcessTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2027-03-01T01:00:00Z");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired DeliveryWorker deliveries;
    ApiClient api;
    String customerUser;
    String customerMail;

    @BeforeEach
    void customerWithAContract() {
        api = new ApiClient(rest);
        clock.set(NOW);
        long customerId = site.getCustomer().getId();
        customerUser = "cu-" + System.nanoTime();
        customerMail = customerUser + "@customer.example";
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", customerId);
        accounts.setContact(customerUser, customerMail, "13900000001");
        ApiClient.Response contract = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + customerId,
                Map.of("name", "O&M 2027", "policyCode", "THREE_LEVEL", "calendar", "SEVEN_BY_24", "zone", "Asia/Shanghai",
                        "notifyEmail", true), null);
        assertThat(contract.status()).as(contract.body().toString()).isEqualTo(200);
    }

    private Map<String, Object> body(boolean major, Instant start, Duration length) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("siteId", site.getId());
        body.put("deviceIds", List.of(device.getId()));
        body.put("title", "核心交换机固件升级");
        body.put("description", "将核心交换机固件由 V5.1 升级至 V5.3");
        body.put("reason", "厂商通告的安全漏洞");
        body.put("impact", "升级期间全部摄像机画面中断约 20 分钟");
        body.put("fallback", "回刷 V5.1 固件并恢复备份配置");
        body.put("major", major);
        if (major) {
            body.put("testPlan", "在备用交换机上先行升级并观察 24 小时");
        }
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(length).toString());
        body.put("implementer", "t-eng");
        return body;
    }

    private JsonNode ask(boolean major, Instant start) {
        ApiClient.Response r = api.post("t-eng", "/api/changes", body(major, start, Duration.ofHours(2)));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private JsonNode act(String user, long id, String action, Map<String, Object> body, int status) {
        ApiClient.Response r = api.post(user, "/api/changes/" + id + "/" + action, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(status);
        return r.body();
    }

    private JsonNode approve(long id) {
        return act("t-sup", id, "decision", Map.of("approve", true, "note", "同意，注意提前备份"), 200);
    }

    private String instance(long id) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("change-" + id).singleResult().getId();
    }

    private boolean running(long id) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("change-" + id).singleResult();
        return p != null;
    }

    private Set<String> passed(long id) {
        return recordedHistory.activities(instance(id));
    }

    private Job timer(long id, String activity) {
        return managementService.createJobQuery().processInstanceId(instance(id)).activityId(activity).timers().singleResult();
    }

    private long told(String user, String eventType, String number) {
        return jdbc.queryForObject("select count(*) from notification where recipient_user = ? and event_type = ? and event_params like ?",
                Long.class, user, eventType, "%" + number + "%");
    }

    private List<MimeMessage> mailsAbout(String number) throws Exception {
        while (deliveries.deliverDue() > 0) {
            // send everything queued
        }
        List<MimeMessage> about = new java.util.ArrayList<>();
        for (MimeMessage m : ReceivedMails.to(customerMail)) {
            if (ReceivedMails.text(m).contains(number)) {
                about.add(m);
            }
        }
        return about;
    }

    @Test
    void anApprovedNormalChangeIsAnnouncedToTheCustomerThenCarriedOutInItsWindowAndEndsWithItsOutcome() throws Exception {
        JsonNode asked = ask(false, NOW.plus(Duration.ofDays(2)));
        long id = asked.path("id").asLong();
        String number = asked.path("number").asText();
        assertThat(number).matches("CHG-\\d{6}");
        assertThat(asked.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(asked.path("leadHours").asLong()).isEqualTo(24);
        assertThat(told("t-sup", "ChangeSubmitted", number)).isEqualTo(1);
        // not told yet: the customer sees nothing of a change before it is announced
        assertThat(api.get(customerUser, "/api/changes/" + id).status()).isEqualTo(404);
        assertThat(told(customerUser, "ChangeAnnounced", number)).isZero();

        JsonNode approved = approve(id);
        assertThat(approved.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(approved.path("decidedBy").asText()).isEqualTo("t-sup");
        assertThat(Instant.parse(approved.path("announcedAt").asText())).isEqualTo(NOW);
        assertThat(told(customerUser, "ChangeAnnounced", number)).isEqualTo(1);
        assertThat(told("t-eng", "ChangeAnnounced", number)).isEqualTo(1);
        // the customer's bell leads to the change's page
        JsonNode bell = api.get(customerUser, "/api/notifications").body();
        assertThat(bell.findValuesAsText("page")).contains("/changes/" + id);
        assertThat(bell.get(0).path("message").asText()).startsWith("变更通知 " + number);
        List<MimeMessage> mails = mailsAbout(number);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("变更通知 " + number + "：核心交换机固件升级");
        // the notice says when (Beijing time), what it touches and how it is undone
        assertThat(ReceivedMails.text(mails.get(0))).contains("2027-03-03 09:00", "2027-03-03 11:00", "全部摄像机画面中断约 20 分钟",
                "回刷 V5.1 固件");
        JsonNode seen = api.get(customerUser, "/api/changes/" + id).body();
        assertThat(seen.path("impact").asText()).contains("中断");
        assertThat(seen.has("reason")).as("the provider's own reason is not the customer's to read").isFalse();
        for (String internal : List.of("requestedBy", "requestedByName", "decidedBy", "decidedAt", "decisionNote", "testPlan",
                "testedBy", "testedAt", "testPassed", "testNote", "rescheduleNote", "finishedBy")) {
            assertThat(seen.has(internal)).as(internal).isFalse();
        }
        assertThat(seen.path("implementerName").asText()).isEqualTo("Test Engineer");
        assertThat(seen.path("actions").path("cancel").asBoolean()).isFalse();

        Job window = timer(id, "windowOpens");
        assertThat(window.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        clock.set(NOW.plus(Duration.ofDays(2)));
        managementService.executeJob(window.getId());
        JsonNode started = api.get("t-eng", "/api/changes/" + id).body();
        assertThat(started.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.path("actions").path("recordOutcome").asBoolean()).isTrue();
        assertThat(told("t-eng", "ChangeWindowOpened", number)).isEqualTo(1);
        // another engineer is not the implementer
        act("t-eng2", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "ok"), 403);

        JsonNode done = act("t-eng", id, "outcome", Map.of("outcome", "SUCCEEDED", "note", "升级完成，画面已恢复"), 200);
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(told(customerUser, "ChangeFinished", number)).isEqualTo(1);
        assertThat(running(id)).isFalse();
        assertThat(passed(id)).contains("approveChange", "announceChange", "windowOpens", "openWindow", "implementChange", "changeDone")
                .doesNotContain("testChange", "tellOverrun");
        // a second click finds it done
        act("t-eng", id, "outcome", Map.of("outcome", "ROLLED_BACK", "note", "again"), 409);
    }

    @Test
    void aWindowThatEndsWithNoOutcomeTellsTheSupervisorsOnceAndTheOutcomeStillEndsTheChange() {
        JsonNode asked = ask(false, NOW.plus(Duration.ofDays(2)));
        long id = asked.path("id").asLong();
        String number = asked.path("number").asText();
        approve(id);
        clock.set(NOW.plus(Duration.ofDays(2)));
        managementService.executeJob(timer(id, "windowOpens").getId());
        Job end = timer(id, "windowEnds");
        assertThat(end.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        clock.set(end.getDuedate().toInstant().plusSeconds(60));
        managementService.executeJob(end.getId());
        assertThat(told("t-sup", "ChangeOverrun", number)).isEqualTo(1);
        assertThat(told("t-eng", "ChangeOverrun", number)).isEqualTo(1);
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("overrun").asBoolean()).isTrue();
        long overrunBefore = api.get("t-sup", "/api/changes/counts").body().path("overrun").asLong();
        assertThat(overrunBefore).isPositive();

        JsonNode done = act("t-sup", id, "outcome", Map.of("outcome", "ROLLED_BACK", "note", "升级后端口异常，已回刷旧固件"), 200);
        assertThat(done.path("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(done.path("overrun").asBoolean()).isFalse();
        assertThat(api.get("t-sup", "/api/changes/counts").body().path("overrun").asLong()).isEqualTo(overrunBefore - 1);
        assertThat(running(id)).isFalse();
        assertThat(passed(id)).contains("windowEnds", "tellOverrun", "overrunTold", "changeDone");
    }

    @Test
    void aWindowWhoseImplementerWasDisabledSinceIsToldToTheSupervisors() {
        String engineer = "eng-" + System.nanoTime();
        accounts.createIfAbsent(engineer, PASSWORD, "临时工程师", Set.of(com.aftercare.identity.Role.ENGINEER));
        Map<String, Object> body = body(false, NOW.plus(Duration.ofDays(2)), Duration.ofHours(1));
        body.put("implementer", engineer);
        ApiClient.Response asked = api.post("t-eng", "/api/changes", body);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
        long id = asked.body().path("id").asLong();
        String number = asked.body().path("number").asText();
        approve(id);
        jdbc.update("update app_user set enabled = false where username = ?", engineer);
        clock.set(NOW.plus(Duration.ofDays(2)));
        managementService.executeJob(timer(id, "windowOpens").getId());
        assertThat(told("t-sup", "ChangeWindowOpened", number)).isEqualTo(1);
        assertThat(told(engineer, "ChangeWindowOpened", number)).isZero();
    }

    @Test
    void aRejectedChangeEndsWithTheReasonAndTheCustomerNeverHearsOfIt() {
        JsonNode asked = ask(false, NOW.plus(Duration.ofDays(2)));
        long id = asked.path("id").asLong();
        // the requester's own supervisor hat does not count: a reason is required to reject
        act("t-sup", id, "decision", Map.of("approve", false), 400);
        act("t-eng", id, "decision", Map.of("approve", true), 403);
        long waiting = api.get("t-sup", "/api/changes/counts").body().path("awaitingApproval").asLong();
        JsonNode rejected = act("t-sup", id, "decision", Map.of("approve", false, "note", "与重保时段冲突"), 200);
        assertThat(api.get("t-desk", "/api/changes/counts").body().path("awaitingApproval").asLong()).isEqualTo(waiting - 1);
        assertThat(api.get(customerUser, "/api/changes/counts").status()).isEqualTo(403);
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("decisionNote").asText()).isEqualTo("与重保时段冲突");
        assertThat(told("t-eng", "ChangeDecided", asked.path("number").asText())).isEqualTo(1);
        assertThat(told(customerUser, "ChangeAnnounced", asked.path("number").asText())).isZero();
        assertThat(running(id)).isFalse();
        assertThat(passed(id)).contains("changeRejected").doesNotContain("announceChange");
        act("t-sup", id, "decision", Map.of("approve", true), 409);
    }

    @Test
    void aSupervisorDoesNotApproveTheirOwnRequest() {
        ApiClient.Response r = api.post("t-sup", "/api/changes", body(false, NOW.plus(Duration.ofDays(2)), Duration.ofHours(1)));
        assertThat(r.status()).isEqualTo(201);
        long id = r.body().path("id").asLong();
        assertThat(r.body().path("actions").path("decide").asBoolean()).isFalse();
        act("t-sup", id, "decision", Map.of("approve", true), 403);
    }

    @Test
    void aMajorChangeIsTestedBeforeTheCustomerIsToldAndAFailedTestEndsIt() {
        JsonNode failing = ask(true, NOW.plus(Duration.ofDays(4)));
        long id = failing.path("id").asLong();
        assertThat(failing.path("leadHours").asLong()).isEqualTo(72);
        JsonNode approved = approve(id);
        assertThat(approved.path("status").asText()).isEqualTo("TESTING");
        long testing = api.get("t-sup", "/api/changes/counts").body().path("awaitingTest").asLong();
        assertThat(testing).isPositive();
        assertThat(approved.has("announcedAt")).as("not announced before its test").isFalse();
        assertThat(told(customerUser, "ChangeAnnounced", failing.path("number").asText())).isZero();
        act("t-desk", id, "test", Map.of("passed", true, "note", "x"), 403);
        act("t-eng2", id, "test", Map.of("passed", false), 400);
        JsonNode failed = act("t-eng2", id, "test", Map.of("passed", false, "note", "备用交换机升级后 PoE 端口掉电"), 200);
        assertThat(failed.path("status").asText()).isEqualTo("TEST_FAILED");
        assertThat(failed.path("testPassed").asBoolean()).isFalse();
        assertThat(api.get("t-sup", "/api/changes/counts").body().path("awaitingTest").asLong()).isEqualTo(testing - 1);
        assertThat(told("t-sup", "ChangeTested", failing.path("number").asText())).isEqualTo(1);
        assertThat(running(id)).isFalse();
        assertThat(passed(id)).contains("testChange", "changeTestFailed").doesNotContain("announceChange");

        JsonNode passing = ask(true, NOW.plus(Duration.ofDays(4)));
        long second = passing.path("id").asLong();
        approve(second);
        // a test passed a day and a half later leaves less than 72 h to tell the customer: 409 until the window moves
        clock.set(NOW.plus(Duration.ofHours(25)));
        ApiClient.Response tooLate = api.post("t-eng", "/api/changes/" + second + "/test", Map.of("passed", true, "note", "ok"));
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.detail()).contains("不足 72 小时");
        assertThat(api.get("t-eng", "/api/changes/" + second).body().path("status").asText()).isEqualTo("TESTING");
        clock.set(NOW);
        JsonNode tested = act("t-eng", second, "test", Map.of("passed", true, "note", "备用交换机运行 24 小时正常"), 200);
        assertThat(tested.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(told(customerUser, "ChangeAnnounced", passing.path("number").asText())).isEqualTo(1);
        assertThat(timer(second, "windowOpens").getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(4)));
        assertThat(passed(second)).contains("testChange", "passedGateway", "announceChange");
    }

    @Test
    void theNoticeTimeIsHeldWhenTheChangeIsAskedForAndAgainWhenTheCustomerWouldBeTold() {
        // asked for: 24 h ahead is enough for a normal change, a minute less is not; a major change needs 72 h
        assertThat(api.post("t-eng", "/api/changes", body(false, NOW.plus(Duration.ofHours(24)), Duration.ofHours(1))).status())
                .isEqualTo(201);
        assertThat(api.post("t-eng", "/api/changes", body(false, NOW.plus(Duration.ofHours(24)).minusSeconds(60), Duration.ofHours(1)))
                .errorFields()).containsExactly("plannedStart");
        assertThat(api.post("t-eng", "/api/changes", body(true, NOW.plus(Duration.ofHours(72)), Duration.ofHours(1))).status())
                .isEqualTo(201);
        assertThat(api.post("t-eng", "/api/changes", body(true, NOW.plus(Duration.ofHours(71)), Duration.ofHours(1))).errorFields())
                .containsExactly("plannedStart");

        // approved a day later: too late to tell the customer 24 h ahead, so 409 and nothing changes until it is moved
        JsonNode asked = ask(false, NOW.plus(Duration.ofHours(30)));
        long id = asked.path("id").asLong();
        clock.set(NOW.plus(Duration.ofHours(7)));
        ApiClient.Response late = api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.detail()).contains(asked.path("number").asText()).contains("不足 24 小时");
        assertThat(api.get("t-sup", "/api/changes/" + id).body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(told(customerUser, "ChangeAnnounced", asked.path("number").asText())).isZero();
        // moved before approval: no timer yet, the window the model will use is the new one
        Instant moved = NOW.plus(Duration.ofDays(3));
        JsonNode rescheduled = act("t-eng", id, "reschedule", Map.of("plannedStart", moved.toString(), "plannedEnd",
                moved.plus(Duration.ofHours(1)).toString(), "note", "用户要求改到周四"), 200);
        assertThat(rescheduled.path("timesRescheduled").asInt()).isEqualTo(1);
        assertThat(rescheduled.path("rescheduleNote").asText()).isEqualTo("用户要求改到周四");
        approve(id);
        assertThat(timer(id, "windowOpens").getDuedate().toInstant()).isEqualTo(moved);
    }

    @Test
    void aChangeMovedAfterTheNoticeIsAnnouncedAgainAndItsWindowTimerMoves() throws Exception {
        JsonNode asked = ask(false, NOW.plus(Duration.ofDays(2)));
        long id = asked.path("id").asLong();
        String number = asked.path("number").asText();
        approve(id);
        Instant moved = NOW.plus(Duration.ofDays(5));
        // another engineer is neither the requester nor a supervisor
        act("t-eng2", id, "reschedule", Map.of("plannedStart", moved.toString(), "plannedEnd", moved.plusSeconds(3600).toString()), 403);
        act("t-eng", id, "reschedule", Map.of("plannedStart", NOW.plusSeconds(3600).toString(), "plannedEnd",
                NOW.plusSeconds(7200).toString()), 400);
        JsonNode rescheduled = act("t-eng", id, "reschedule", Map.of("plannedStart", moved.toString(), "plannedEnd",
                moved.plus(Duration.ofHours(3)).toString()), 200);
        assertThat(rescheduled.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(told(customerUser, "ChangeAnnounced", number)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_user = ? and event_type = 'ChangeAnnounced'"
                + " and event_params like '%\"rescheduled\":true%' and event_params like ?", Long.class, customerUser, "%" + number + "%"))
                .isEqualTo(1);
        assertThat(mailsAbout(number)).hasSize(2);
        assertThat(timer(id, "windowOpens").getDuedate().toInstant()).isEqualTo(moved);
        assertThat(managementService.createJobQuery().processInstanceId(instance(id)).timers().count()).isEqualTo(1);
        // saved again unchanged: nothing to tell the customer
        act("t-eng", id, "reschedule", Map.of("plannedStart", moved.toString(), "plannedEnd", moved.plus(Duration.ofHours(3)).toString()),
                400);
        assertThat(told(customerUser, "ChangeAnnounced", number)).isEqualTo(2);
        // moved earlier than first planned: the new, earlier timer is the one that runs
        Instant earlier = NOW.plus(Duration.ofHours(30));
        act("t-sup", id, "reschedule", Map.of("plannedStart", earlier.toString(), "plannedEnd", earlier.plusSeconds(3600).toString()),
                200);
        assertThat(timer(id, "windowOpens").getDuedate().toInstant()).isEqualTo(earlier);
        assertThat(managementService.createJobQuery().processInstanceId(instance(id)).timers().count()).isEqualTo(1);
        assertThat(told(customerUser, "ChangeAnnounced", number)).isEqualTo(3);
        assertThat(passed(id)).contains("windowMoved", "announceAgain");
    }

    @Test
    void aChangeWithdrawnBeforeItsWindowEndsAndACustomerWhoHadBeenToldHearsItIsOff() {
        JsonNode waiting = ask(false, NOW.plus(Duration.ofDays(2)));
        long atApproval = waiting.path("id").asLong();
        act("t-eng", atApproval, "cancel", Map.of(), 400);
        JsonNode cancelled = act("t-eng", atApproval, "cancel", Map.of("reason", "用户取消需求"), 200);
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(running(atApproval)).isFalse();
        assertThat(told(customerUser, "ChangeCancelled", waiting.path("number").asText())).isZero();
        assertThat(passed(atApproval)).contains("changeCancelled", "withdrawnEnd");

        JsonNode major = ask(true, NOW.plus(Duration.ofDays(4)));
        long atTest = major.path("id").asLong();
        approve(atTest);
        act("t-sup", atTest, "cancel", Map.of("reason", "测试环境不可用"), 200);
        assertThat(running(atTest)).isFalse();
        // the requester hears that a supervisor withdrew it; whoever withdraws is not told of their own act
        assertThat(told("t-eng", "ChangeCancelled", major.path("number").asText())).isEqualTo(1);
        assertThat(told("t-eng", "ChangeCancelled", waiting.path("number").asText())).isZero();

        JsonNode announced = ask(false, NOW.plus(Duration.ofDays(2)));
        long afterNotice = announced.path("id").asLong();
        approve(afterNotice);
        act("t-eng", afterNotice, "cancel", Map.of("reason", "厂商撤回了该固件"), 200);
        assertThat(running(afterNotice)).isFalse();
        assertThat(told(customerUser, "ChangeCancelled", announced.path("number").asText())).isEqualTo(1);
        // a customer told of it still sees it, as cancelled
        assertThat(api.get(customerUser, "/api/changes/" + afterNotice).body().path("status").asText()).isEqualTo("CANCELLED");

        // once its window has started it can no longer be withdrawn or moved: by the clock, before its timer has run
        JsonNode started = ask(false, NOW.plus(Duration.ofDays(2)));
        long inWindow = started.path("id").asLong();
        approve(inWindow);
        clock.set(NOW.plus(Duration.ofDays(2)).plusSeconds(600));
        assertThat(api.get("t-sup", "/api/changes/" + inWindow).body().path("actions").path("cancel").asBoolean()).isFalse();
        act("t-sup", inWindow, "cancel", Map.of("reason", "late"), 409);
        assertThat(api.get("t-sup", "/api/changes/" + inWindow).body().path("status").asText()).isEqualTo("SCHEDULED");
        clock.set(NOW.plus(Duration.ofDays(2)));
        managementService.executeJob(timer(inWindow, "windowOpens").getId());
        act("t-sup", inWindow, "cancel", Map.of("reason", "late"), 409);
        Instant later = NOW.plus(Duration.ofDays(6));
        act("t-sup", inWindow, "reschedule", Map.of("plannedStart", later.toString(), "plannedEnd", later.plusSeconds(3600).toString()), 409);
        assertThat(running(inWindow)).isTrue();
    }
}
