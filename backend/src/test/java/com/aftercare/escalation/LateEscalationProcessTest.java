package com.aftercare.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.notify.Delivery;
import com.aftercare.notify.DeliveryChannel;
import com.aftercare.notify.Notification;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockLog;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.ClockLogBook;
import com.aftercare.sla.SaveContract;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Escalation jobs that run late (a crashed node, a backlog, downtime) still owe every rung the clock crossed:
 * everyone those rungs name is told once, each rung is recorded, and the message says it is late.
 * Timers are fired by executing their jobs after moving the test clock past them, as a late executor would.
 */
class LateEscalationProcessTest extends IntegrationTest {

    private static final AtomicInteger POLICIES = new AtomicInteger();
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A Tuesday morning in Beijing, so the expected "HH:mm" in the messages is fixed. */
    private static final Instant T0 = LocalDateTime.of(2026, 3, 10, 10, 0).atZone(BEIJING).toInstant();

    /** Only a 30 min response clock (and a long resolution), with the shipped ladder's rungs and recipients. */
    private static final String POLICY = """
            {"name": "Late ladder", "levelDecision": "faultLevel",
             "levels": [
               {"code": "1", "name": "L1", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]},
               {"code": "2", "name": "L2", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]},
               {"code": "3", "name": "L3", "clocks": [{"clock": "RESPONSE", "target": "PT30M"}, {"clock": "RESOLUTION", "target": "PT48H"}]}],
             "pauseOn": ["WAITING_CUSTOMER", "WAITING_PARTS", "AWAITING_VENDOR"],
             "escalation": [
               {"name": "WARNING", "percent": 75, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD"]},
               {"name": "BREACH", "percent": 100, "recipients": ["ASSIGNED_ENGINEER", "DESK_LEAD", "PROJECT_MANAGER"], "repeat": "PT1H"},
               {"name": "HEAD", "percent": 150, "recipients": ["PROJECT_MANAGER", "DEPARTMENT_HEAD"], "repeat": "PT4H"}]}
            """;
    private static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=late-test";

    @Autowired ClockLogBook clockLogBook;
    @Autowired SaveContract saveContract;
    @Autowired CreatePolicy createPolicy;
    @Autowired NotificationService notifications;
    @Autowired AccountService accounts;
    @Autowired EngineerService engineers;

    @BeforeEach
    void peopleOnTheLadder() throws Exception {
        accounts.createIfAbsent("late-eng", PASSWORD, "Late Engineer", Set.of(Role.ENGINEER));
        // not supervisors: the supervisors stand in for unnamed roles on every other test's tickets
        accounts.createIfAbsent("late-lead", PASSWORD, "Late Desk Lead", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent("late-pm", PASSWORD, "Late Project Manager", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent("late-head", PASSWORD, "Late Department Head", Set.of(Role.SERVICE_DESK));
        for (String user : List.of("late-eng", "late-lead", "late-pm", "late-head")) {
            accounts.setContact(user, user + "@example.test", null);
        }
        if (!engineers.exists("late-eng")) {
            engineers.create("late-eng", "Late Engineer", "3", "Test team");
        }
        String code = "T_LATE_" + POLICIES.incrementAndGet();
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(POLICY, PolicyDefinition.class)));
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Late contract", code, CalendarKind.SEVEN_BY_24,
                "Asia/Shanghai", "late-lead", "late-pm", null, "late-head", true, WECOM, null, null));
    }

    /** Reported at T0 and dispatched to late-eng a minute later, so the engineer's rungs have someone to tell. */
    private Ticket reportAndDispatch() {
        clock.set(T0);
        Ticket ticket = reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket();
        clock.set(T0.plus(Duration.ofMinutes(1)));
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "late-eng"));
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("late-eng");
        return ticket;
    }

    private Job escalationTimer(Ticket t) {
        ProcessInstance p = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(tickets.get(t.getId()).getNumber()).singleResult();
        return p == null ? null : managementService.createJobQuery().processInstanceId(p.getId()).timers().singleResult();
    }

    /** The job executor picks up a timer that was due at {@code due}, but only at {@code runAt}. */
    private void runTimerAt(Ticket t, Instant due, Instant runAt) {
        Job job = escalationTimer(t);
        assertThat(job).as("escalation timer").isNotNull();
        assertThat(job.getDuedate().toInstant()).isEqualTo(due);
        clock.set(runAt);
        managementService.executeJob(job.getId());
    }

    private List<String> notified(Ticket t, String user) {
        return notifications.ofTicket(t.getId()).stream().filter(n -> user.equals(n.getRecipientUser()))
                .map(Notification::getMessage).toList();
    }

    private List<ClockLog> escalated(Ticket t) {
        return clockLogBook.clockLog(t.getId()).stream()
                .filter(l -> l.getClock() == ClockName.RESPONSE && l.getKind() == ClockLog.Kind.ESCALATED).toList();
    }

    private List<Delivery> deliveries(Ticket t, DeliveryChannel channel) {
        return notifications.deliveriesOf(t.getId()).stream().filter(d -> d.getChannel() == channel).toList();
    }

    @Test
    void aRunAfterDowntimeTellsEveryoneOfEveryCrossedRungOnceAndSaysItIsLate() {
        Ticket ticket = reportAndDispatch();
        Instant warningDue = T0.plus(Duration.ofSeconds(22 * 60 + 30));

        // the executor was down from before the warning until after the head rung (150 % = 45 min)
        runTimerAt(ticket, warningDue, T0.plus(Duration.ofMinutes(50)));

        for (String user : List.of("late-eng", "late-lead", "late-pm", "late-head")) {
            assertThat(notified(ticket, user)).as(user).singleElement().satisfies(m -> assertThat(m)
                    .contains("第1、2、3档升级", "响应", "迟发 27分钟"));
        }
        assertThat(escalated(ticket)).extracting(ClockLog::getLevel).containsExactly(1, 2, 3);
        assertThat(escalated(ticket)).extracting(ClockLog::getLevelName).containsExactly("WARNING", "BREACH", "HEAD");
        assertThat(escalated(ticket)).extracting(ClockLog::getDueAt)
                .containsExactly(warningDue, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofMinutes(45)));
        assertThat(escalated(ticket)).allSatisfy(l -> assertThat(l.getOccurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(50))));
        assertThat(escalated(ticket).get(0).getDetail()).contains("late-eng", "late-lead").doesNotContain("late-head");
        assertThat(tickets.get(ticket.getId()).getEscalationLevel()).isEqualTo(3);

        // one e-mail per person and one group-robot message: the outside channels get the combined message once
        assertThat(deliveries(ticket, DeliveryChannel.EMAIL)).extracting(Delivery::getTarget).containsExactlyInAnyOrder(
                "late-eng@example.test", "late-lead@example.test", "late-pm@example.test", "late-head@example.test");
        assertThat(deliveries(ticket, DeliveryChannel.EMAIL)).allSatisfy(d -> {
            assertThat(d.getSubject()).contains("第1、2、3档升级", "迟发");
            assertThat(d.getBody()).contains("迟发 27分钟");
        });
        assertThat(deliveries(ticket, DeliveryChannel.WECOM)).singleElement()
                .satisfies(d -> assertThat(d.getBody()).contains("迟发 27分钟"));

        // back to normal: the head rung repeats 4 h after it was sent, on time, to its own people only
        runTimerAt(ticket, T0.plus(Duration.ofMinutes(50 + 240)), T0.plus(Duration.ofMinutes(50 + 240)));
        assertThat(notified(ticket, "late-pm")).hasSize(2).last().satisfies(m -> assertThat(m).contains("第3档升级").doesNotContain("迟发"));
        assertThat(notified(ticket, "late-head")).hasSize(2);
        assertThat(notified(ticket, "late-eng")).hasSize(1);
        assertThat(notified(ticket, "late-lead")).hasSize(1);
        assertThat(escalated(ticket)).extracting(ClockLog::getLevel).containsExactly(1, 2, 3, 3);
    }

    @Test
    void onTimeRunsSendOneRungEachAndASingleLateRungSaysSo() {
        Ticket ticket = reportAndDispatch();

        runTimerAt(ticket, T0.plus(Duration.ofSeconds(22 * 60 + 30)), T0.plus(Duration.ofSeconds(22 * 60 + 30)));
        assertThat(notified(ticket, "late-eng")).singleElement().satisfies(m -> assertThat(m)
                .contains("【第1档升级】").doesNotContain("第2").doesNotContain("迟发"));
        assertThat(notified(ticket, "late-pm")).isEmpty();

        // 30 s behind is the executor's ordinary jitter, not late
        runTimerAt(ticket, T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofSeconds(30 * 60 + 30)));
        assertThat(notified(ticket, "late-pm")).singleElement().satisfies(m -> assertThat(m)
                .contains("【第2档升级】").doesNotContain("迟发"));

        // two minutes behind is late, even for a single rung
        runTimerAt(ticket, T0.plus(Duration.ofMinutes(45)), T0.plus(Duration.ofMinutes(47)));
        assertThat(notified(ticket, "late-head")).singleElement().satisfies(m -> assertThat(m)
                .contains("【第3档升级】", "迟发 2分钟").doesNotContain("第1"));
        assertThat(notified(ticket, "late-eng")).hasSize(2);
        assertThat(escalated(ticket)).extracting(ClockLog::getLevelName).containsExactly("WARNING", "BREACH", "HEAD");
    }
}
