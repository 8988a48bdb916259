package com.aftercare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.CloseCase;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.RequestType;
import com.aftercare.warranty.SetWarrantyTerms;

/**
 * CB-1..CB-3 on their timers (survey-schedule.bpmn, quarterly-survey.bpmn), fired by executing their jobs: the 3 %
 * sample of a month's closed faults, never the same case twice; the callbacks monthly in the first year after
 * acceptance and quarterly after; the quarterly survey due on the 10th working day after the quarter (worked out by
 * hand over the 2026 National Day holiday) and a late one told to the supervisors.
 */
class SurveyProcessTest extends IntegrationTest {

    @Autowired CloseCase closeCase;
    @Autowired ReadSurveys readSurveys;
    @Autowired AnswerSurvey answerSurvey;
    @Autowired PickSampleSurveys pick;
    @Autowired SaveContract saveContract;
    @Autowired ContractBook contracts;
    @Autowired SetWarrantyTerms warrantyTerms;
    @Autowired NotificationService notifications;
    @Autowired EscalateLateSurvey escalateLateSurvey;
    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;

    private Job dailyTimer() {
        return managementService.createJobQuery().processDefinitionKey("surveySchedule").activityId("surveyDayStarted")
                .timers().singleResult();
    }

    /** The survey timer fires at this instant. */
    private void fireAt(String instant) {
        clock.set(Instant.parse(instant));
        managementService.executeJob(dailyTimer().getId());
    }

    private List<SurveyView> surveys(long customerId, SurveyKind kind) {
        return readSurveys.results(customerId, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)).rows().stream()
                .filter(r -> r.kind() == kind).toList();
    }

    private long contract(long customerId) {
        saveContract.save(customerId, new ContractSettings("Survey contract " + customerId, "THREE_LEVEL",
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", "t-desk", "t-sup", null, "t-admin", false, null, null, null, null,
                null, null));
        return contracts.contractOfCustomer(customerId).orElseThrow().getId();
    }

    private Site otherCustomerSite() {
        Customer other = assets.createCustomer("Survey other " + System.nanoTime());
        return assets.createSite(new NewSite(other.getId(), "Other site " + System.nanoTime(), "Road 2", Region.CITY, "C", "1"));
    }

    /** A fault reported and closed at the given time (the case's own flow is not the subject here). */
    private long closedFault(long siteId, Long deviceId, String closedAt, RequestType type) {
        clock.set(Instant.parse(closedAt));
        NewTicket report = new NewTicket(Channel.HOTLINE, "Li Lei", "Traffic police", "13900000000", siteId, deviceId,
                type.category(), Grade.LOW, Grade.LOW, "Camera shows no picture", "Black since 8:00", null, type,
                null);
        long id = reportFault.report(report, null).ticket().getId();
        closeCase.close(id);
        return id;
    }

    @Test
    void theSampleSizeIsThreePercentRoundedUpAndAtLeastOneWhenAnyFaultClosed() {
        BigDecimal three = new BigDecimal("3");
        assertThat(PickSampleSurveys.sampleSize(0, three)).isZero();
        assertThat(PickSampleSurveys.sampleSize(1, three)).isEqualTo(1);
        assertThat(PickSampleSurveys.sampleSize(33, three)).isEqualTo(1);
        assertThat(PickSampleSurveys.sampleSize(34, three)).isEqualTo(2);
        assertThat(PickSampleSurveys.sampleSize(67, three)).isEqualTo(3);
        assertThat(PickSampleSurveys.sampleSize(100, three)).isEqualTo(3);
        assertThat(PickSampleSurveys.sampleSize(101, three)).isEqualTo(4);
        assertThat(pick.percent()).isEqualByComparingTo(three);
    }

    @Test
    void aMonthOfClosedFaultsGivesAThreePercentSampleAndASecondRunPicksNoCaseTwice() {
        long customer = site.getCustomer().getId();
        Set<Long> october = new HashSet<>();
        // 67 faults closed in October 2026 (Beijing time), spread over the month: 3 % is 2.01, rounded up to 3
        for (int i = 0; i < 67; i++) {
            String at = Instant.parse("2026-09-30T16:00:00Z").plusSeconds(i * 39_900L).toString();
            october.add(closedFault(site.getId(), device.getId(), at, RequestType.FAULT));
        }
        // not in the sample: a consultation, and a fault closed on 1 November 00:10 Beijing time
        long consultation = closedFault(site.getId(), device.getId(), "2026-10-10T02:00:00Z", RequestType.CONSULTATION);
        long november = closedFault(site.getId(), device.getId(), "2026-10-31T16:10:00Z", RequestType.FAULT);
        // another customer with a single closed fault still gets one survey
        Site other = otherCustomerSite();
        long single = closedFault(other.getId(), null, "2026-10-20T02:00:00Z", RequestType.FAULT);

        fireAt("2026-11-01T00:00:00Z"); // Sunday 1 November 2026, 08:00 in Shanghai
        List<SurveyView> picked = surveys(customer, SurveyKind.SAMPLE);
        assertThat(picked).hasSize(3);
        Set<Long> first = new HashSet<>(picked.stream().map(SurveyView::ticketId).toList());
        assertThat(first).hasSize(3).isSubsetOf(october).doesNotContain(consultation, november);
        assertThat(picked).allSatisfy(s -> {
            assertThat(s.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(s.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(s.status()).isEqualTo(SurveyStatus.OPEN);
            assertThat(s.ticketNumber()).startsWith("INC-");
            assertThat(s.dueAt()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        });
        assertThat(surveys(other.getCustomer().getId(), SurveyKind.SAMPLE)).extracting(SurveyView::ticketId)
                .containsExactly(single);

        // the timer again the next day, and the pick by hand: the month is complete, no case is picked twice
        fireAt("2026-11-02T00:00:00Z");
        assertThat(pick.pick(YearMonth.of(2026, 10)).newlyPicked()).isZero();
        List<SurveyView> after = surveys(customer, SurveyKind.SAMPLE);
        assertThat(after).hasSize(3);
        assertThat(after.stream().map(SurveyView::ticketId).toList()).containsExactlyInAnyOrderElementsOf(first);

        // a sampled case's answer goes on the case's timeline in both languages' words, and the desk was told
        assertThat(notifications.forUser("t-desk", Set.of(Role.SERVICE_DESK)))
                .anyMatch(n -> notifications.messageFor(n, Labels.ZH).contains("项故障抽样回访任务"));
        answerSurvey.answer(after.get(0).id(), new AnswerSurvey.Command(5, 4, 3, "工程师很及时", null, null));
        assertThat(readTimeline.of(after.get(0).ticketId())).anyMatch(e -> "SURVEY".equals(e.getType()));
    }

    @Test
    void callbacksAreMonthlyInTheFirstYearAfterAcceptanceThenEveryThreeMonths() {
        long customer = site.getCustomer().getId();
        long contract = contract(customer);
        warrantyTerms.set(contract, new SetWarrantyTerms.Command("2026-01-15", 24, null));

        // the timer on the 1st and the 15th of every month from January 2026 to July 2027 (08:00 Beijing time)
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2027, 7)); m = m.plusMonths(1)) {
            for (int day : new int[] { 1, 15 }) {
                fireAt(m.atDay(day).atTime(0, 0).toInstant(java.time.ZoneOffset.UTC).toString());
            }
        }
        List<SurveyView> callbacks = surveys(customer, SurveyKind.CALLBACK);
        List<String> periods = new ArrayList<>();
        callbacks.forEach(c -> periods.add(c.periodStart() + ".." + c.periodEnd()));
        assertThat(periods).containsExactly(
                "2026-01-15..2026-02-14", "2026-02-15..2026-03-14", "2026-03-15..2026-04-14", "2026-04-15..2026-05-14",
                "2026-05-15..2026-06-14", "2026-06-15..2026-07-14", "2026-07-15..2026-08-14", "2026-08-15..2026-09-14",
                "2026-09-15..2026-10-14", "2026-10-15..2026-11-14", "2026-11-15..2026-12-14", "2026-12-15..2027-01-14",
                // after the first year: every 3 months
                "2027-01-15..2027-04-14", "2027-04-15..2027-07-14", "2027-07-15..2027-10-14");
        // each is opened on its first day, for the desk, due at the end of its last day
        assertThat(callbacks.get(12).createdAt()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(callbacks.get(12).dueAt()).isEqualTo(Instant.parse("2027-04-14T16:00:00Z"));

        // the desk records the call; a problem the customer raised opens a fault case at their site
        SurveyView last = callbacks.get(14);
        SurveyView done = answerSurvey.answer(last.id(), new AnswerSurvey.Command(null, null, null, null,
                "客户反映东门摄像机夜间画面偏暗", new AnswerSurvey.RaisedProblem(site.getId(), "王科长", "13800000000",
                        "东门摄像机夜间画面偏暗，请安排检查")));
        assertThat(done.status()).isEqualTo(SurveyStatus.ANSWERED);
        assertThat(done.answeredVia()).isEqualTo(AnswerChannel.PHONE);
        assertThat(tickets.get(done.raisedTicketId()).getSite().getId()).isEqualTo(site.getId());
        assertThat(tickets.get(done.raisedTicketId()).getDescription()).isEqualTo("东门摄像机夜间画面偏暗，请安排检查");
    }

    @Test
    void theQuarterlySurveyIsDueOnTheTenthWorkingDayAfterTheQuarterAndALateOneGoesToTheSupervisors() {
        long late = site.getCustomer().getId();
        contract(late);
        long onTime = otherCustomerSite().getCustomer().getId();
        contract(onTime);

        // Thursday 1 October 2026, 08:00 in Shanghai: Q3 has ended
        fireAt("2026-10-01T00:00:00Z");
        SurveyView survey = surveys(late, SurveyKind.QUARTERLY).get(0);
        assertThat(survey.periodStart()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(survey.periodEnd()).isEqualTo(LocalDate.of(2026, 9, 30));
        // by hand: 1-7 October is the National Day holiday; working days 8 (Thu), 9 (Fri), 10 (make-up Saturday),
        // 12-16, 19 and 20 October: due by the end of Tuesday 20 October 2026 (24:00 Beijing time)
        assertThat(survey.dueAt()).isEqualTo(Instant.parse("2026-10-20T16:00:00Z"));
        Job timer = managementService.createJobQuery().processInstanceId(instanceOf(survey.id()))
                .activityId("surveyResultsLate").timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-10-20T16:00:00Z"));

        // a second run the next day opens nothing new
        fireAt("2026-10-02T00:00:00Z");
        assertThat(surveys(late, SurveyKind.QUARTERLY)).hasSize(1);

        // the other customer's results come in on time: their process ends, nobody is told
        SurveyView inTime = surveys(onTime, SurveyKind.QUARTERLY).get(0);
        String inTimeInstance = instanceOf(inTime.id());
        clock.set(Instant.parse("2026-10-16T02:00:00Z"));
        SurveyView answered = answerSurvey.answer(inTime.id(), new AnswerSurvey.Command(5, 5, 4, null, null, null));
        assertThat(answered.overdue()).isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(inTimeInstance).count()).isZero();
        assertThat(recordedHistory.activities(inTimeInstance)).contains("surveyResultsIn");

        // the late one: its timer fires at the due time, the supervisors are told, it still waits for its results
        clock.set(Instant.parse("2026-10-20T16:00:00Z"));
        managementService.executeJob(timer.getId());
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)))
                .anyMatch(n -> notifications.messageFor(n, Labels.ZH)
                        .equals(site.getCustomer().getName() + "的2026年第3季度满意度调查结果已逾期（应于2026-10-21 00:00前报送）"));
        assertThat(readSurveys.one(survey.id()).overdue()).isTrue();
        String instance = instanceOf(survey.id());
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("awaitSurveyResults").count())
                .isEqualTo(1);
        // rung 1 of its ladder (ADR 0050): the desk lead by name, the desk's and the supervisors' inboxes; rung 2 waits
        // for the end of Wednesday 21 October, the next working day
        assertThat(readSurveys.one(survey.id()).ladder()).singleElement().satisfies(r -> {
            assertThat(r.rung()).isEqualTo(1);
            assertThat(r.roles()).containsExactly(Role.SERVICE_DESK, Role.SUPERVISOR);
            assertThat(r.people()).containsExactly("Test Desk");
        });
        Job secondRung = managementService.createJobQuery().processInstanceId(instance).activityId("surveyStillLate").timers()
                .singleResult();
        assertThat(secondRung.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-10-21T16:00:00Z"));
        SurveyView lateAnswer = answerSurvey.answer(survey.id(), new AnswerSurvey.Command(3, 4, 4, "回复较慢", null, null));
        assertThat(lateAnswer.overdue()).isTrue();
        // the results end the instance and with it the waiting rung: the ladder stops at rung 1
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance).count()).isZero();
        assertThat(readSurveys.one(survey.id()).ladder()).extracting(r -> r.rung()).containsExactly(1);

        // the supervisors' results for the quarter
        ReadSurveys.Results results = readSurveys.results(late, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
        assertThat(results.answered()).isEqualTo(1);
        assertThat(results.overdue()).isEqualTo(1);
        assertThat(results.intakeAverage()).isEqualTo(3.0);
        assertThat(results.handlingAverage()).isEqualTo(4.0);
    }

    /**
     * ADR 0050: quarterly results still not in when the next working day after the due day has ended climb to rung 2
     * on the model's own timer: the contract's project manager (t-sup) and department head (t-admin) by name, the
     * supervisors again; each rung once.
     */
    @Test
    void aQuarterlySurveyStillLateAWorkingDayAfterItsDueDayClimbsToTheSecondRung() {
        long customer = site.getCustomer().getId();
        contract(customer);
        fireAt("2026-10-01T00:00:00Z");
        SurveyView survey = surveys(customer, SurveyKind.QUARTERLY).get(0);
        String instance = instanceOf(survey.id());
        clock.set(Instant.parse("2026-10-20T16:00:00Z"));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId("surveyResultsLate").timers().singleResult().getId());
        Job secondRung = managementService.createJobQuery().processInstanceId(instance).activityId("surveyStillLate").timers()
                .singleResult();
        clock.set(Instant.parse("2026-10-21T16:00:00Z"));
        managementService.executeJob(secondRung.getId());

        String name = site.getCustomer().getName();
        String again = name + "的季度满意度调查（2026-07-01 至 2026-09-30）应于 2026-10-21 00:00 前完成，逾期一个工作日后仍未完成，已升级至第2级";
        assertThat(messages("t-admin", name)).containsExactly(again);
        assertThat(messages("t-sup", name)).contains(again);
        SurveyView seen = readSurveys.one(survey.id());
        assertThat(seen.ladder()).extracting(r -> r.rung()).containsExactly(1, 2);
        assertThat(seen.ladder().get(1).roles()).containsExactly(Role.SUPERVISOR);
        assertThat(seen.ladder().get(1).people()).containsExactly("Test Supervisor", "Test Admin");
        assertThat(seen.ladder().get(1).reachedAt()).isEqualTo(Instant.parse("2026-10-21T16:00:00Z"));
        // the ladder is climbed; the survey still waits for its results
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("awaitSurveyResults").count())
                .isEqualTo(1);
        // a retried step tells nobody twice
        int before = messages("t-admin", name).size();
        assertThat(escalateLateSurvey.escalateAgain(survey.id())).isFalse();
        assertThat(escalateLateSurvey.escalate(survey.id())).isFalse();
        assertThat(messages("t-admin", name)).hasSize(before);
    }

    /**
     * ADR 0050: a periodic callback (CB-2) not made by the end of its period climbs its ladder on the daily timer: rung 1
     * the morning after its due time, rung 2 once the next working day has ended; an answered one stops. The board's
     * count and the list's 逾期 filter show the late ones; an engineer may not read them.
     */
    @Test
    void aLateCallbackClimbsItsLadderOnTheDailyTimerAndAnAnsweredOneStops() {
        long late = site.getCustomer().getId();
        warrantyTerms.set(contract(late), new SetWarrantyTerms.Command("2026-10-15", 24, null));
        Site otherSite = otherCustomerSite();
        long answered = otherSite.getCustomer().getId();
        warrantyTerms.set(contract(answered), new SetWarrantyTerms.Command("2026-10-15", 24, null));
        fireAt("2026-10-15T00:00:00Z");
        SurveyView callback = surveys(late, SurveyKind.CALLBACK).get(0);
        SurveyView other = surveys(answered, SurveyKind.CALLBACK).get(0);
        assertThat(callback.dueAt()).isEqualTo(Instant.parse("2026-11-14T16:00:00Z")); // end of Saturday 14 November

        fireAt("2026-11-15T00:00:00Z"); // Sunday 08:00: rung 1 for both
        String name = site.getCustomer().getName();
        String first = name + "的定期回访（2026-10-15 至 2026-11-14）应于 2026-11-15 00:00 前完成，至今未完成，已逾期（第1级提醒）";
        assertThat(messages("t-sup", name)).containsExactly(first);
        assertThat(messages("t-desk", name)).contains(first);
        assertThat(readSurveys.one(callback.id()).ladder()).extracting(r -> r.rung()).containsExactly(1);
        assertThat(readSurveys.one(other.id()).ladder()).extracting(r -> r.rung()).containsExactly(1);
        answerSurvey.answer(other.id(), new AnswerSurvey.Command(null, null, null, null, "客户表示一切正常", null));

        fireAt("2026-11-16T00:00:00Z"); // Monday 08:00, the next working day is not over
        assertThat(readSurveys.one(callback.id()).ladder()).extracting(r -> r.rung()).containsExactly(1);
        fireAt("2026-11-17T00:00:00Z"); // Tuesday 08:00: rung 2 for the one still open only
        assertThat(readSurveys.one(callback.id()).ladder()).extracting(r -> r.rung()).containsExactly(1, 2);
        assertThat(readSurveys.one(other.id()).ladder()).extracting(r -> r.rung()).containsExactly(1);
        String again = name + "的定期回访（2026-10-15 至 2026-11-14）应于 2026-11-15 00:00 前完成，逾期一个工作日后仍未完成，已升级至第2级";
        assertThat(messages("t-sup", name)).containsExactly(first, again);
        assertThat(messages("t-admin", name)).containsExactly(again);
        fireAt("2026-11-17T00:00:00Z"); // retried: nobody told twice
        fireAt("2026-11-18T00:00:00Z");
        assertThat(messages("t-sup", name)).containsExactly(first, again);

        ApiClient api = new ApiClient(rest);
        ApiClient.Response count = api.get("t-sup", "/api/surveys/overdue-count");
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.body().path("overdue").asLong()).isEqualTo(readSurveys.overdueCount()).isPositive();
        ApiClient.Response filtered = api.get("t-sup", "/api/surveys?overdue=true");
        List<Long> ids = new ArrayList<>();
        filtered.body().forEach(n -> {
            ids.add(n.path("id").asLong());
            assertThat(n.path("overdue").asBoolean()).isTrue();
        });
        assertThat(ids).contains(callback.id()).doesNotContain(other.id()).hasSize((int) readSurveys.overdueCount());
        assertThat(api.get("t-eng", "/api/surveys/overdue-count").status()).isEqualTo(403);
    }

    /**
     * CB-1 per contract: one customer's contract keeps the 3 % default, another's says 25 %. Over October each has 21
     * closed faults: ceil(0.63) = 1 and ceil(5.25) = 6 are picked, from their own cases, none twice on a second run.
     * A percentage of 0 or above 100 is a 400 naming surveySamplePercent and changes nothing.
     */
    @Test
    void eachContractsSamplePercentageSizesItsCustomersSample() {
        long three = site.getCustomer().getId();
        contract(three);
        Site otherSite = otherCustomerSite();
        long quarter = otherSite.getCustomer().getId();
        contract(quarter);
        ApiClient api = new ApiClient(rest);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Survey contract " + quarter, "policyCode", "THREE_LEVEL",
                "calendar", "SEVEN_BY_24", "zone", "Asia/Shanghai"));
        for (Object bad : List.of(0, -1, 100.5, "abc")) {
            body.put("surveySamplePercent", bad);
            ApiClient.Response refused = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + quarter, body, Map.of());
            assertThat(refused.status()).as(String.valueOf(bad)).isEqualTo(400);
            if (!"abc".equals(bad)) {
                assertThat(refused.errorFields()).as(String.valueOf(bad)).containsExactly("surveySamplePercent");
            }
        }
        assertThat(contracts.contractOfCustomer(quarter).orElseThrow().getSurveySamplePercent()).isEqualByComparingTo("3");
        body.put("surveySamplePercent", 25);
        ApiClient.Response saved = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + quarter, body, Map.of());
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(api.get("t-admin", "/api/contracts/" + quarter).body().path("surveySamplePercent").decimalValue())
                .isEqualByComparingTo("25");
        assertThat(api.get("t-admin", "/api/contracts/" + three).body().path("surveySamplePercent").decimalValue())
                .isEqualByComparingTo("3");

        Set<Long> threeCases = new HashSet<>();
        Set<Long> quarterCases = new HashSet<>();
        for (int i = 0; i < 21; i++) {
            String at = Instant.parse("2026-09-30T17:00:00Z").plusSeconds(i * 120_000L).toString();
            threeCases.add(closedFault(site.getId(), device.getId(), at, RequestType.FAULT));
            quarterCases.add(closedFault(otherSite.getId(), null, at, RequestType.FAULT));
        }
        fireAt("2026-11-01T00:00:00Z");
        List<Long> first = surveys(three, SurveyKind.SAMPLE).stream().map(SurveyView::ticketId).toList();
        List<Long> second = surveys(quarter, SurveyKind.SAMPLE).stream().map(SurveyView::ticketId).toList();
        assertThat(first).hasSize(1).doesNotHaveDuplicates().isSubsetOf(threeCases);
        assertThat(second).hasSize(6).doesNotHaveDuplicates().isSubsetOf(quarterCases);
        fireAt("2026-11-02T00:00:00Z");
        assertThat(pick.pick(YearMonth.of(2026, 10)).newlyPicked()).isZero();
        assertThat(surveys(three, SurveyKind.SAMPLE)).extracting(SurveyView::ticketId).containsExactlyInAnyOrderElementsOf(first);
        assertThat(surveys(quarter, SurveyKind.SAMPLE)).extracting(SurveyView::ticketId).containsExactlyInAnyOrderElementsOf(second);
        assertThat(pick.percentFor(quarter)).isEqualByComparingTo("25");
    }

    /** What a user was told (in Chinese) about one customer's surveys: role messages and their own. */
    private List<String> messages(String user, String customerName) {
        return notifications.forUser(user, accounts.find(user).orElseThrow().getRoles()).stream()
                .sorted(java.util.Comparator.comparing(n -> n.getId()))
                .map(n -> notifications.messageFor(n, Labels.ZH)).filter(m -> m.startsWith(customerName + "的"))
                .filter(m -> m.contains("逾期")).toList();
    }

    private String instanceOf(long surveyId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("quarterlySurvey")
                .processInstanceBusinessKey("survey-" + surveyId).singleResult().getId();
    }
}
