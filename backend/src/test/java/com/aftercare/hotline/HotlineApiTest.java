package com.aftercare.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import com.aftercare.apitoken.IssueApiToken;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * IN-10: the phone system reports the hotline's calls; the month's answer rate (接通率) is answered over offered calls
 * that started in the month in Beijing time, held against the contract's 90 % at its edge; a resent or completing
 * report is the same call, a contradicting one is refused; the desk calls a missed caller back once.
 * Each test uses a month of its own, so their calls do not mix.
 */
class HotlineApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    @Autowired IssueApiToken issueApiToken;
    ApiClient api;

    @BeforeEach
    void at() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2031-12-20T02:00:00Z"));
    }

    private Map<String, Object> call(String id, String caller, Instant started, Instant answered) {
        Map<String, Object> body = new HashMap<>();
        body.put("callId", id);
        body.put("callerNumber", caller);
        body.put("calledNumber", "400-800-1234");
        body.put("startedAt", started.toString());
        if (answered != null) {
            body.put("answeredAt", answered.toString());
            body.put("agent", "t-desk");
        }
        body.put("endedAt", (answered != null ? answered : started).plusSeconds(40).toString());
        return body;
    }

    private ApiClient.Response report(Map<String, Object> body) {
        return api.post("t-desk", "/api/hotline/calls", body);
    }

    private JsonNode summary(String month) {
        ApiClient.Response r = api.get("t-sup", "/api/hotline/summary?month=" + month);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body();
    }

    private void calls(String prefix, Instant start, int answered, int missed) {
        for (int i = 0; i < answered + missed; i++) {
            Instant at = start.plus(Duration.ofMinutes(10L * i));
            assertThat(report(call(prefix + i, "1390000" + String.format("%04d", i), at, i < answered ? at.plusSeconds(12) : null))
                    .status()).isEqualTo(201);
        }
    }

    @Test
    void aMissedCallIsRepliedWithinHalfAnHourByACallbackOrTheCallerGettingThrough() {
        String tag = "reply-" + System.nanoTime() + "-";
        Instant nine = Instant.parse("2033-03-10T01:00:00Z"); // 09:00 in Beijing; each missed call rang 40 s
        clock.set(nine.plus(Duration.ofHours(3)));
        // A: called back after 20 min; B: called back after 45 min; C: got through 10 min later; D: missed 2 h 50 min
        // before "now", no reply; E: missed 10 min before "now", still inside its half hour
        assertThat(report(call(tag + "a", "13911110001", nine, null)).status()).isEqualTo(201);
        assertThat(report(call(tag + "b", "13911110002", nine, null)).status()).isEqualTo(201);
        assertThat(report(call(tag + "c", "13911110003", nine, null)).status()).isEqualTo(201);
        assertThat(report(call(tag + "c2", "13911110003", nine.plus(Duration.ofMinutes(10)), nine.plus(Duration.ofMinutes(10))
                .plusSeconds(5))).status()).isEqualTo(201);
        assertThat(report(call(tag + "d", "13911110004", nine.plus(Duration.ofMinutes(10)), null)).status()).isEqualTo(201);
        Instant lateMiss = nine.plus(Duration.ofMinutes(170));
        assertThat(report(call(tag + "e", "13911110005", lateMiss, null)).status()).isEqualTo(201);

        Map<String, Long> ids = new HashMap<>();
        api.get("t-desk", "/api/hotline/calls?month=2033-03&missed=true").body()
                .forEach(c -> ids.put(c.path("callId").asText().substring(tag.length()), c.path("id").asLong()));
        clock.set(nine.plus(Duration.ofMinutes(20)));
        assertThat(api.post("t-desk", "/api/hotline/calls/" + ids.get("a") + "/callback", Map.of("note", "已回拨")).status())
                .isEqualTo(200);
        clock.set(nine.plus(Duration.ofMinutes(45)));
        assertThat(api.post("t-desk", "/api/hotline/calls/" + ids.get("b") + "/callback", Map.of("note", "回拨晚了")).status())
                .isEqualTo(200);
        clock.set(nine.plus(Duration.ofMinutes(180)));

        JsonNode march = summary("2033-03");
        assertThat(march.path("replyMinutes").asLong()).isEqualTo(30);
        assertThat(march.path("replyDue").asLong()).as("E still has 20 minutes").isEqualTo(4);
        assertThat(march.path("repliedInTime").asLong()).as("A and C").isEqualTo(2);
        assertThat(march.path("replyRate").asDouble()).isEqualTo(0.5);

        Map<String, JsonNode> byCall = new HashMap<>();
        api.get("t-desk", "/api/hotline/calls?month=2033-03&missed=true").body()
                .forEach(c -> byCall.put(c.path("callId").asText().substring(tag.length()), c));
        assertThat(byCall.get("a").path("replyLate").asBoolean()).isFalse();
        assertThat(byCall.get("a").path("replyDueAt").asText()).as("30 minutes after the caller hung up")
                .isEqualTo("2033-03-10T01:30:40Z");
        assertThat(byCall.get("b").path("replyLate").asBoolean()).isTrue();
        assertThat(byCall.get("c").path("replyLate").asBoolean()).isFalse();
        assertThat(byCall.get("c").path("repliedAt").asText()).as("when they got through").isEqualTo("2033-03-10T01:10:00Z");
        assertThat(byCall.get("d").path("replyLate").asBoolean()).isTrue();
        assertThat(byCall.get("d").has("repliedAt")).isFalse();
        assertThat(byCall.get("e").path("replyLate").asBoolean()).isFalse();
        assertThat(summary("2033-02").has("replyRate")).as("no missed call, no figure").isFalse();
    }

    @Test
    void theDeskHearsOfAMissedCallOnceWhileItsHalfHourReplyIsStillPossible() {
        String tag = "bell-" + System.nanoTime() + "-";
        Instant now = Instant.parse("2033-05-10T02:00:00Z");
        clock.set(now);
        String sql = "select count(*) from notification where event_type = 'HotlineCallMissed' and recipient_role = 'SERVICE_DESK'";
        long before = jdbc.queryForObject(sql, Long.class);

        // rang, then ended unanswered in a second report, then resent: one notice, when it became missed
        Map<String, Object> ringing = call(tag + "a", "13922220001", now.minusSeconds(60), null);
        ringing.remove("endedAt");
        assertThat(report(ringing).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(sql, Long.class)).as("still ringing").isEqualTo(before);
        Map<String, Object> ended = call(tag + "a", "13922220001", now.minusSeconds(60), null);
        assertThat(report(ended).status()).isEqualTo(200);
        assertThat(report(ended).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(sql, Long.class)).isEqualTo(before + 1);
        JsonNode bell = api.get("t-desk", "/api/notifications?size=5").body().get(0);
        assertThat(bell.path("message").asText()).contains("13922220001", "2033-05-10 10:29", "回拨");
        assertThat(bell.path("page").asText()).isEqualTo("/hotline");

        // answered, or missed so long ago that the half hour has passed (a resent old batch): no notice
        assertThat(report(call(tag + "b", "13922220002", now.minusSeconds(60), now.minusSeconds(50))).status()).isEqualTo(201);
        assertThat(report(call(tag + "c", "13922220003", now.minus(Duration.ofHours(2)), null)).status()).isEqualTo(201);
        assertThat(jdbc.queryForObject(sql, Long.class)).isEqualTo(before + 1);
    }

    @Test
    void theMonthsCallsAreListedUpTo500NewestFirst() {
        // a month of its own, far from the other tests' calls
        clock.set(Instant.parse("2032-07-15T02:00:00Z"));
        Instant first = Instant.parse("2032-06-01T01:00:00Z");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i <= ReadHotlineCalls.MAX_LISTED; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(first.plusSeconds(60L * i));
            rows.add(new Object[] {"cap-" + System.nanoTime() + "-" + i, "1390000" + String.format("%04d", i), at, "t-desk", at});
        }
        jdbc.batchUpdate("insert into hotline_call (call_id, caller_number, started_at, reported_by, reported_at)"
                + " values (?, ?, ?, ?, ?)", rows);
        JsonNode listed = api.get("t-desk", "/api/hotline/calls?month=2032-06").body();
        assertThat(listed).hasSize(500);
        assertThat(listed.get(0).path("callerNumber").asText()).isEqualTo("13900000500");
        assertThat(listed.get(499).path("callerNumber").asText()).as("the first call of the month is left out")
                .isEqualTo("13900000001");
        assertThat(summary("2032-06").path("offered").asLong()).as("the rate counts every call").isEqualTo(501);
    }

    @Test
    void theMonthsAnswerRateIsAnsweredOverOfferedInBeijingTimeAndNinetyPercentIsMet() {
        String tag = "rate-" + System.nanoTime() + "-";
        // 2031-10: 9 of 10 answered, exactly the target; 2031-09: 8 of 9, just under it
        calls(tag + "oct-", Instant.parse("2031-10-08T01:00:00Z"), 9, 1);
        calls(tag + "sep-", Instant.parse("2031-09-08T01:00:00Z"), 8, 1);
        JsonNode october = summary("2031-10");
        assertThat(october.path("offered").asLong()).isEqualTo(10);
        assertThat(october.path("answered").asLong()).isEqualTo(9);
        assertThat(october.path("missed").asLong()).isEqualTo(1);
        assertThat(october.path("rate").asDouble()).isEqualTo(0.9);
        assertThat(october.path("target").asDouble()).isEqualTo(0.9);
        assertThat(october.path("met").asBoolean()).as("90 %% is met").isTrue();
        JsonNode september = summary("2031-09");
        assertThat(september.path("rate").asDouble()).isEqualTo(8.0 / 9);
        assertThat(september.path("met").asBoolean()).as("88.9 %% is not").isFalse();

        // 2031-11-30T16:30Z is 00:30 on 1 December in Beijing: December's call, December's first day
        assertThat(report(call(tag + "edge", "13911112222", Instant.parse("2031-11-30T16:30:00Z"), null)).status()).isEqualTo(201);
        JsonNode december = summary("2031-12");
        assertThat(december.path("offered").asLong()).isEqualTo(1);
        assertThat(december.path("days").get(0).path("date").asText()).isEqualTo("2031-12-01");
        assertThat(december.path("days").get(0).path("offered").asLong()).isEqualTo(1);
        assertThat(december.path("days").size()).as("every day up to today, the 20th").isEqualTo(20);
        assertThat(summary("2031-11").path("offered").asLong()).isZero();
        JsonNode empty = summary("2031-08");
        assertThat(empty.has("rate")).as("no calls is not a 0 %% month").isFalse();
        assertThat(empty.has("met")).isFalse();
        assertThat(api.get("t-sup", "/api/hotline/summary?month=2031-13").errorFields()).containsExactly("month");
    }

    @Test
    void aResentOrCompletingReportIsTheSameCallAndAContradictingOneIsRefused() {
        String id = "cdr-" + System.nanoTime();
        Instant start = Instant.parse("2031-07-03T06:00:00Z");
        Map<String, Object> ringing = new HashMap<>(Map.of("callId", id, "callerNumber", "139 0000 7777", "startedAt", start.toString()));
        ApiClient.Response first = report(ringing);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().path("answered").asBoolean()).isFalse();
        assertThat(first.body().path("callerNumber").asText()).isEqualTo("13900007777");
        assertThat(report(ringing).status()).as("resent: the same call").isEqualTo(200);

        Map<String, Object> answered = new HashMap<>(ringing);
        answered.put("answeredAt", start.plusSeconds(15).toString());
        answered.put("agent", "t-desk");
        JsonNode completed = report(answered).body();
        assertThat(completed.path("answered").asBoolean()).isTrue();
        assertThat(completed.path("waitSeconds").asLong()).isEqualTo(15);
        assertThat(completed.path("agentName").asText()).isEqualTo("Test Desk");
        assertThat(jdbc.queryForObject("select count(*) from hotline_call where call_id = ?", Long.class, id)).isEqualTo(1);

        Map<String, Object> otherAnswer = new HashMap<>(answered);
        otherAnswer.put("answeredAt", start.plusSeconds(30).toString());
        assertThat(report(otherAnswer).status()).isEqualTo(409);
        Map<String, Object> otherStart = new HashMap<>(ringing);
        otherStart.put("startedAt", start.plusSeconds(1).toString());
        assertThat(report(otherStart).status()).isEqualTo(409);
        assertThat(summary("2031-07").path("answered").asLong()).isEqualTo(1);
    }

    @Test
    void badInputNamesEachFieldAndWritesNothing() {
        long before = jdbc.queryForObject("select count(*) from hotline_call", Long.class);
        assertThat(refused(new HashMap<>())).containsExactlyInAnyOrder("callId", "callerNumber", "startedAt");
        Instant start = Instant.parse("2031-06-03T06:00:00Z");
        Map<String, Object> letters = call("x-" + System.nanoTime(), "call me", start, null);
        assertThat(refused(letters)).containsExactly("callerNumber");
        Map<String, Object> backwards = call("x-" + System.nanoTime(), "13900001111", start, start.minusSeconds(1));
        assertThat(refused(backwards)).containsExactly("answeredAt");
        Map<String, Object> endedFirst = call("x-" + System.nanoTime(), "13900001111", start, null);
        endedFirst.put("endedAt", start.minusSeconds(1).toString());
        assertThat(refused(endedFirst)).containsExactly("endedAt");
        Map<String, Object> future = call("x-" + System.nanoTime(), "13900001111", Instant.parse("2031-12-20T02:05:01Z"), null);
        assertThat(refused(future)).as("more than five minutes ahead of our clock").containsExactly("startedAt");
        Map<String, Object> longId = call("i".repeat(101), "13900001111", start, null);
        assertThat(refused(longId)).containsExactly("callId");
        Map<String, Object> longNumber = call("x-" + System.nanoTime(), "1".repeat(33), start, null);
        assertThat(refused(longNumber)).containsExactly("callerNumber");
        assertThat(jdbc.queryForObject("select count(*) from hotline_call", Long.class)).isEqualTo(before);
        // the edges themselves are kept
        assertThat(report(call("i".repeat(100 - 20) + System.nanoTime(), "1".repeat(32), Instant.parse("2031-12-20T02:05:00Z"), null))
                .status()).isEqualTo(201);
    }

    private List<String> refused(Map<String, Object> body) {
        ApiClient.Response r = report(body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        return r.errorFields();
    }

    @Test
    void aMissedCallerIsCalledBackOnceAndOneWhoGotThroughLaterIsNotOpen() {
        String tag = "cb-" + System.nanoTime() + "-";
        Instant start = Instant.parse("2031-05-06T01:00:00Z");
        long missed = report(call(tag + "1", "13955556666", start, null)).body().path("id").asLong();
        long retried = report(call(tag + "2", "13977778888", start.plusSeconds(600), null)).body().path("id").asLong();
        long answered = report(call(tag + "3", "13977778888", start.plusSeconds(900), start.plusSeconds(905))).body().path("id").asLong();

        JsonNode open = api.get("t-desk", "/api/hotline/calls?month=2031-05&missed=true&open=true").body();
        assertThat(open.findValuesAsText("id")).containsExactly(String.valueOf(missed));
        JsonNode allMissed = api.get("t-desk", "/api/hotline/calls?month=2031-05&missed=true").body();
        assertThat(allMissed.findValuesAsText("id")).containsExactly(String.valueOf(retried), String.valueOf(missed));
        assertThat(allMissed.get(0).path("laterAnswered").asBoolean()).isTrue();
        assertThat(api.get("t-desk", "/api/hotline/calls?month=2031-05").body().size()).isEqualTo(3);
        assertThat(summary("2031-05").path("missedOpen").asLong()).isEqualTo(1);

        ApiClient.Response done = api.post("t-desk", "/api/hotline/calls/" + missed + "/callback", Map.of("note", "已回拨，用户称摄像机已恢复"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().path("callbackBy").asText()).isEqualTo("t-desk");
        assertThat(done.body().path("callbackNote").asText()).isEqualTo("已回拨，用户称摄像机已恢复");
        assertThat(api.post("t-sup", "/api/hotline/calls/" + missed + "/callback", Map.of()).status()).as("a second time").isEqualTo(409);
        assertThat(api.post("t-desk", "/api/hotline/calls/" + answered + "/callback", Map.of()).status()).isEqualTo(409);
        assertThat(api.post("t-desk", "/api/hotline/calls/" + retried + "/callback", Map.of("note", "长".repeat(501))).errorFields())
                .containsExactly("note");
        assertThat(api.post("t-desk", "/api/hotline/calls/99999999/callback", Map.of()).status()).isEqualTo(404);
        assertThat(summary("2031-05").path("missedOpen").asLong()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'hotline_call' and entity_id = ?"
                + " and actor = 't-desk'", Long.class, String.valueOf(missed))).as("reported, then called back").isEqualTo(2);
    }

    @Test
    void thePhoneSystemReportsWithADeskTokenAndOnlyTheDeskSupervisorsAndAdminsSeeTheFigures() {
        String bearer = "Bearer " + issueApiToken.issue(new IssueApiToken.Command("phone system " + System.nanoTime(),
                Role.SERVICE_DESK, null)).token();
        ApiClient.Response byToken = api.exchange(null, HttpMethod.POST, "/api/hotline/calls",
                call("tok-" + System.nanoTime(), "13900002222", Instant.parse("2031-04-01T02:00:00Z"), null),
                Map.of("Authorization", bearer));
        assertThat(byToken.status()).as(byToken.body().toString()).isEqualTo(201);
        assertThat(api.get("t-admin", "/api/hotline/summary?month=2031-04").body().path("offered").asLong()).isEqualTo(1);
        assertThat(api.get("t-eng", "/api/hotline/summary").status()).isEqualTo(403);
        assertThat(api.post("t-eng", "/api/hotline/calls", call("e-" + System.nanoTime(), "13900002222",
                Instant.parse("2031-04-01T02:00:00Z"), null)).status()).isEqualTo(403);
        String customer = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "本单位", site.getCustomer().getId());
        assertThat(api.get(customer, "/api/hotline/calls").status()).isEqualTo(403);
    }

    @Test
    void aCallerIsKnownWhenThePhoneSystemGivesTheNumberWithChinasCountryCode() {
        clock.set(Instant.parse("2033-03-07T02:00:00Z"));
        String mobile = "13" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        reportFault.report(new com.aftercare.ticket.NewTicket(com.aftercare.ticket.Channel.HOTLINE, "周警官", "交警支队", mobile,
                site.getId(), null, com.aftercare.ticket.Category.DEFECT, com.aftercare.ticket.Grade.LOW,
                com.aftercare.ticket.Grade.LOW, "卡口相机离线", "卡口相机离线"), null);
        String landline = "010-7" + mobile.substring(4);
        reportFault.report(new com.aftercare.ticket.NewTicket(com.aftercare.ticket.Channel.HOTLINE, "吴所长", "城关派出所", landline,
                site.getId(), null, com.aftercare.ticket.Category.DEFECT, com.aftercare.ticket.Grade.LOW,
                com.aftercare.ticket.Grade.LOW, "门禁离线", "门禁离线"), null);
        Instant start = clock.instant().minusSeconds(600);
        assertThat(report(call("cc-m-" + System.nanoTime(), "+86 " + mobile, start, start.plusSeconds(5))).status()).isEqualTo(201);
        assertThat(report(call("cc-l-" + System.nanoTime(), "+86 10 7" + mobile.substring(4), start.plusSeconds(60), null)).status())
                .isEqualTo(201);
        Map<String, String> names = new HashMap<>();
        for (JsonNode c : api.get("t-desk", "/api/hotline/calls?month=2033-03").body()) {
            names.put(c.path("callerNumber").asText(), c.path("callerName").asText(null));
        }
        assertThat(names).containsEntry("+86" + mobile, "周警官").containsEntry("+86107" + mobile.substring(4), "吴所长");
        // a strange number the phone system may send (a country code twice) names nobody and keeps the list readable
        assertThat(report(call("cc-x-" + System.nanoTime(), "+860086123", start.plusSeconds(120), null)).status()).isEqualTo(201);
        ApiClient.Response month = api.get("t-desk", "/api/hotline/calls?month=2033-03");
        assertThat(month.status()).isEqualTo(200);
        assertThat(month.body().findValuesAsText("callerNumber")).contains("+860086123");
    }
}
