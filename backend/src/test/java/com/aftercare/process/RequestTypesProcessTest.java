package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.common.BadRequestException;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.notify.Notification;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.ServiceItem;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every path of consultation.bpmn, complaint.bpmn and service-request.bpmn (issue 15, ADR 0037), driven through the
 * task service as users would; the request clocks' timers fired by executing their jobs.
 */
class RequestTypesProcessTest extends IntegrationTest {

    /** Friday 2026-12-04 16:00 in Shanghai: one working day (5x8, 08:30-12:00 and 13:30-17:00) later is Monday 16:00. */
    private static final Instant FRIDAY_4PM = Instant.parse("2026-12-04T08:00:00Z");
    private static final Instant MONDAY_4PM = Instant.parse("2026-12-07T08:00:00Z");

    @Autowired SaveContract saveContract;
    @Autowired AccountService accounts;
    @Autowired NotificationService notifications;
    @Autowired TestRestTemplate rest;

    @BeforeEach
    void contractWithProjectManager() {
        accounts.createIfAbsent("t-pm", PASSWORD, "Test Project Manager", Set.of(Role.PROCESS_OWNER));
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Request contract", "THREE_LEVEL",
                CalendarKind.FIVE_BY_8, "Asia/Shanghai", "t-desk", "t-pm", null, null, false, null, null, null));
        clock.set(FRIDAY_4PM);
    }

    private Ticket open(RequestType type, ServiceItem item) {
        return reportFault.report(new NewTicket(Channel.HOTLINE, "Li Lei", "Traffic police", "13900000000", site.getId(),
                device.getId(), Category.CONSULTATION, Grade.LOW, Grade.LOW, "请求标题", "请求内容", null, type, item), null)
                .ticket();
    }

    private List<String> timelineTypes(Ticket ticket) {
        return readTimeline.of(ticket.getId()).stream().map(e -> e.getType()).toList();
    }

    private List<String> notifiedUsers(Ticket ticket) {
        return notifications.ofTicket(ticket.getId()).stream().map(Notification::getRecipientUser)
                .filter(java.util.Objects::nonNull).toList();
    }

    private void fire(Ticket ticket, String timerId) {
        Job job = timerJob(ticket, timerId);
        assertThat(job).as("timer " + timerId).isNotNull();
        clock.set(job.getDuedate().toInstant());
        managementService.executeJob(job.getId());
    }

    // ---------------------------------------------------------------- the first-line rate (IN-3, IN-4)

    @Test
    void onlyFaultReportsCountInTheFirstLineRateThoughTheOtherRequestTypesAreAnsweredAtTheDeskToo() {
        ApiClient api = new ApiClient(rest);
        String window = "/api/knowledge/first-line-rate?from=" + clock.instant().minusSeconds(60) + "&to="
                + clock.instant().plusSeconds(3600);
        JsonNode before = api.get("t-sup", window).body();

        // a consultation, a complaint and a service request, each answered: their models record "solved at the desk"
        Ticket consultation = open(RequestType.CONSULTATION, null);
        complete(consultation, "answerConsultation", "t-desk", Map.of("deskNote", "录像回放在客户端“回放”菜单"));
        Ticket complaint = open(RequestType.COMPLAINT, null);
        complete(complaint, "assignComplaintOwner", "t-sup", Map.of("complaintOwner", "t-eng2"));
        complete(complaint, "replyToComplainant", "t-eng2", Map.of("complaintReply", "已更换摄像机，向您致歉"));
        Ticket footage = open(RequestType.SERVICE_REQUEST, ServiceItem.FOOTAGE_EXTRACTION);
        complete(footage, "fulfilRequest", "t-eng", Map.of("fulfilmentNote", "已拷贝录像到U盘"));
        for (Ticket answered : List.of(consultation, complaint, footage)) {
            assertThat(timelineTypes(answered)).as("answered at the desk").contains("RESOLVED");
        }
        // two fault reports: one solved at the desk, one handed on to an engineer
        Ticket solved = report(Category.CONSULTATION);
        Ticket handedOn = report(Category.DEFECT);
        assertThat(List.of(tickets.get(solved.getId()).getRequestType(), tickets.get(handedOn.getId()).getRequestType()))
                .containsOnly(RequestType.FAULT);
        complete(solved, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", true,
                "deskNote", "指导用户重启后恢复"));
        complete(handedOn, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));

        JsonNode after = api.get("t-sup", window).body();
        assertThat(after.path("received").asLong() - before.path("received").asLong()).as("fault reports received")
                .isEqualTo(2);
        assertThat(after.path("solvedAtDesk").asLong() - before.path("solvedAtDesk").asLong())
                .as("fault reports solved at the desk").isEqualTo(1);
    }

    // ---------------------------------------------------------------- consultation

    @Test
    void consultationIsAnsweredAtTheDeskAndClosedWhenTheCallerConfirms() {
        Ticket ticket = open(RequestType.CONSULTATION, null);
        Ticket t = tickets.get(ticket.getId());
        assertThat(t.getRequestType()).isEqualTo(RequestType.CONSULTATION);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.AT_DESK);
        assertThat(t.getLevel()).as("no fault level for a consultation").isNull();
        // IN-10: 7 days to answer
        assertThat(t.getRequestDue()).isEqualTo(FRIDAY_4PM.plus(java.time.Duration.ofDays(7)));
        assertThat(openTaskKeys(ticket)).containsExactly("answerConsultation");

        complete(ticket, "answerConsultation", "t-desk", Map.of("deskNote", "录像回放在客户端“回放”菜单"));
        assertThat(tickets.get(ticket.getId()).getResolvedAt()).isNotNull();
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));

        Ticket closed = tickets.get(ticket.getId());
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.getDeskNote()).isEqualTo("录像回放在客户端“回放”菜单");
        assertThat(closed.isEscalated()).isFalse();
        assertThat(caseProcessEnded(ticket)).isTrue();
        assertThat(passedActivities(ticket)).contains("startConsultationClock", "answerConsultation",
                "recordConsultationAnswer", "consultationCallback", "closeConsultation", "consultationClosed")
                .doesNotContain("determineLevel", "dispatchCase", "escalateLateConsultation");
        assertThat(timelineTypes(ticket)).contains("CREATED", "REQUEST_CLOCK", "RESOLVED", "CLOSED");
    }

    @Test
    void consultationNotConfirmedIsAnsweredAgain() {
        Ticket ticket = open(RequestType.CONSULTATION, null);
        complete(ticket, "answerConsultation", "t-desk", Map.of("deskNote", "第一次解答"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));
        assertThat(openTaskKeys(ticket)).containsExactly("answerConsultation");
        assertThat(tickets.get(ticket.getId()).getReopenCount()).isEqualTo(1);
        complete(ticket, "answerConsultation", "t-desk", Map.of("deskNote", "第二次解答"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("reopenConsultation");
    }

    @Test
    void aConsultationUnansweredAfterSevenDaysGoesToTheDeskLeadAndStaysOpen() {
        Ticket ticket = open(RequestType.CONSULTATION, null);
        fire(ticket, "consultationLate");

        Ticket late = tickets.get(ticket.getId());
        assertThat(late.isEscalated()).isTrue();
        assertThat(notifiedUsers(ticket)).contains("t-desk").doesNotContain("t-pm");
        assertThat(timelineTypes(ticket)).contains("REQUEST_OVERDUE");
        // non-interrupting: the desk still answers it
        assertThat(openTaskKeys(ticket)).containsExactly("answerConsultation");
        assertThat(passedActivities(ticket)).contains("escalateLateConsultation", "consultationEscalated");
    }

    // ---------------------------------------------------------------- complaint

    @Test
    void complaintAnsweredInTimeIsClosedWhenTheComplainantAccepts() {
        Ticket ticket = open(RequestType.COMPLAINT, null);
        Ticket t = tickets.get(ticket.getId());
        // one working day of the contract's 5x8 calendar: Friday 16:00 -> Monday 16:00
        assertThat(t.getRequestDue()).isEqualTo(MONDAY_4PM);
        assertThat(timerJob(ticket, "complaintReplyLate")).as("no reply timer before an owner is named").isNull();
        assertThat(openTaskKeys(ticket)).containsExactly("assignComplaintOwner");

        complete(ticket, "assignComplaintOwner", "t-sup", Map.of("complaintOwner", "t-eng2"));
        assertThat(tickets.get(ticket.getId()).getAssignee()).isEqualTo("t-eng2");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(task(ticket, "replyToComplainant").assignee()).isEqualTo("t-eng2");
        assertThat(timerJob(ticket, "complaintReplyLate").getDuedate().toInstant()).isEqualTo(MONDAY_4PM);

        clock.set(Instant.parse("2026-12-07T02:00:00Z"));
        complete(ticket, "replyToComplainant", "t-eng2", Map.of("complaintReply", "已更换摄像机，向您致歉"));
        assertThat(timerJob(ticket, "complaintReplyLate")).as("the reply stops the clock").isNull();
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "4"));

        Ticket closed = tickets.get(ticket.getId());
        assertThat(closed.getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.isEscalated()).isFalse();
        assertThat(closed.getSatisfaction()).isEqualTo(4);
        assertThat(caseProcessEnded(ticket)).isTrue();
        assertThat(passedActivities(ticket)).contains("startComplaintClock", "recordComplaintOwner", "sendComplaintReply",
                "recordComplaintAnswered", "complainantCallback", "closeComplaint", "complaintClosed")
                .doesNotContain("escalateLateComplaint");
        assertThat(timelineTypes(ticket)).contains("REQUEST_CLOCK", "COMPLAINT_OWNER", "COMPLAINT_REPLY", "CLOSED");
        assertThat(notifiedUsers(ticket)).doesNotContain("t-pm");
    }

    @Test
    void aLateComplaintReplyGoesToTheContractsProjectManager() {
        Ticket ticket = open(RequestType.COMPLAINT, null);
        complete(ticket, "assignComplaintOwner", "t-desk", Map.of("complaintOwner", "t-eng2"));

        fire(ticket, "complaintReplyLate");

        Ticket late = tickets.get(ticket.getId());
        assertThat(late.isEscalated()).isTrue();
        assertThat(notifiedUsers(ticket)).contains("t-pm", "t-eng2").doesNotContain("t-sup");
        assertThat(readTimeline.of(ticket.getId())).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("REQUEST_OVERDUE");
        });
        assertThat(passedActivities(ticket)).contains("escalateLateComplaint", "complaintEscalated");
        // the owner still owes the reply; the complaint closes as usual afterwards
        assertThat(openTaskKeys(ticket)).containsExactly("replyToComplainant");
        complete(ticket, "replyToComplainant", "t-eng2", Map.of("complaintReply", "迟复致歉，已处理"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    /** The case's row on the supervisor board (filtered as the query says), or null when it is not listed. */
    private JsonNode boardRow(Ticket ticket, String query) {
        return new ApiClient(rest).boardRow("t-sup", query, ticket.getId());
    }

    private JsonNode caseClocks(Ticket ticket) {
        ApiClient.Response clocks = new ApiClient(rest).get("t-sup", "/api/tickets/" + ticket.getId() + "/clocks");
        assertThat(clocks.status()).isEqualTo(200);
        return clocks.body().path("clocks");
    }

    @Test
    void aComplaintsReplyClockIsOnTheBoardAndTheCasesLadderAndOverdueWhenLate() {
        Ticket ticket = open(RequestType.COMPLAINT, null);
        complete(ticket, "assignComplaintOwner", "t-desk", Map.of("complaintOwner", "t-eng2"));

        // the case's ladder shows the complaint's own clock only, not the fault clocks that never start for it
        JsonNode ladder = caseClocks(ticket);
        assertThat(ladder.findValuesAsText("clock")).containsExactly("COMPLAINT_REPLY");
        assertThat(ladder.get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(Instant.parse(ladder.get(0).path("dueAt").asText())).as("1 working day").isEqualTo(MONDAY_4PM);
        JsonNode row = boardRow(ticket, "?clock=COMPLAINT_REPLY");
        assertThat(row).as("on the board, filtered by its clock").isNotNull();
        assertThat(row.path("clocks").get(0).path("risk").asText()).isEqualTo("OK");
        assertThat(boardRow(ticket, "?clock=COMPLAINT_REPLY&risk=OVERDUE")).isNull();

        fire(ticket, "complaintReplyLate");
        clock.set(MONDAY_4PM.plusSeconds(60));
        JsonNode late = boardRow(ticket, "?clock=COMPLAINT_REPLY&risk=OVERDUE");
        assertThat(late).as("overdue on the board").isNotNull();
        assertThat(late.path("risk").asText()).isEqualTo("OVERDUE");
        assertThat(late.path("clocks").get(0).path("state").asText()).isEqualTo("BREACHED");
        assertThat(boardRow(ticket, "?clock=DISPATCH")).as("no fault clock").isNull();

        complete(ticket, "replyToComplainant", "t-eng2", Map.of("complaintReply", "迟复致歉，已处理"));
        JsonNode answered = caseClocks(ticket).get(0);
        assertThat(answered.path("state").asText()).isEqualTo("MISSED");
        assertThat(answered.path("marginSeconds").asLong()).isEqualTo(-60);
        assertThat(boardRow(ticket, "?clock=COMPLAINT_REPLY")).as("a stopped clock leaves the board").isNull();
    }

    @Test
    void consultationAndServiceRequestClocksShowToo() {
        Ticket consultation = open(RequestType.CONSULTATION, null);
        assertThat(caseClocks(consultation).findValuesAsText("clock")).containsExactly("CONSULTATION_ANSWER");
        assertThat(boardRow(consultation, "?clock=CONSULTATION_ANSWER")).isNotNull();
        complete(consultation, "answerConsultation", "t-desk", Map.of("deskNote", "已答复"));
        assertThat(caseClocks(consultation).get(0).path("state").asText()).isEqualTo("MET");

        Ticket footage = open(RequestType.SERVICE_REQUEST, ServiceItem.FOOTAGE_EXTRACTION);
        JsonNode fulfilment = caseClocks(footage).get(0);
        assertThat(fulfilment.path("clock").asText()).isEqualTo("SERVICE_FULFILMENT");
        assertThat(Instant.parse(fulfilment.path("dueAt").asText())).isEqualTo(MONDAY_4PM);
        assertThat(boardRow(footage, "?clock=SERVICE_FULFILMENT")).isNotNull();
    }

    @Test
    void aComplaintNotAcceptedGetsANewReplyClockAndTheSameOwner() {
        Ticket ticket = open(RequestType.COMPLAINT, null);
        complete(ticket, "assignComplaintOwner", "t-desk", Map.of("complaintOwner", "t-eng2"));
        complete(ticket, "replyToComplainant", "t-eng2", Map.of("complaintReply", "第一次答复"));
        clock.set(Instant.parse("2026-12-07T03:00:00Z")); // Monday 11:00
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED", "customerFeedback", "不满意"));

        assertThat(openTaskKeys(ticket)).containsExactly("replyToComplainant");
        assertThat(task(ticket, "replyToComplainant").assignee()).isEqualTo("t-eng2");
        // Monday 11:00 + one working day = Tuesday 11:00
        Instant newDue = Instant.parse("2026-12-08T03:00:00Z");
        assertThat(tickets.get(ticket.getId()).getRequestDue()).isEqualTo(newDue);
        assertThat(timerJob(ticket, "complaintReplyLate").getDuedate().toInstant()).isEqualTo(newDue);
        assertThat(passedActivities(ticket)).contains("reopenComplaint", "restartComplaintClock");
    }

    @Test
    void aComplaintOwnerMustBeAKnownMemberOfStaffAndNothingIsWrittenOtherwise() {
        Ticket ticket = open(RequestType.COMPLAINT, null);
        accounts.createCustomerUserIfAbsent("t-cust-owner", PASSWORD, "Customer user", site.getCustomer().getId());
        for (String owner : List.of("nobody-such", "t-cust-owner")) {
            assertThatThrownBy(() -> complete(ticket, "assignComplaintOwner", "t-desk", Map.of("complaintOwner", owner)))
                    .isInstanceOf(BadRequestException.class)
                    .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("complaintOwner"));
            assertThat(openTaskKeys(ticket)).containsExactly("assignComplaintOwner");
            assertThat(tickets.get(ticket.getId()).getAssignee()).isNull();
        }
    }

    // ---------------------------------------------------------------- service requests

    @Test
    void footageExtractionIsFulfilledWithoutApprovalWithinOneWorkingDay() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.FOOTAGE_EXTRACTION);
        Ticket t = tickets.get(ticket.getId());
        assertThat(t.getServiceItem()).isEqualTo(ServiceItem.FOOTAGE_EXTRACTION);
        assertThat(t.getRequestDue()).isEqualTo(MONDAY_4PM);
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);

        complete(ticket, "fulfilRequest", "t-eng", Map.of("fulfilmentNote", "已拷贝 12月3日 8:00-9:00 录像到U盘"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("startServiceClock", "fulfilRequest", "recordServiceAnswered",
                "closeServiceRequest").doesNotContain("approveCost", "escalateLateServiceRequest");
    }

    @Test
    void upgradeHasFiveWorkingDaysAndALateOneGoesToTheDeskLead() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.UPGRADE);
        // Friday 16:00 + 5 working days = next Friday 16:00
        assertThat(tickets.get(ticket.getId()).getRequestDue()).isEqualTo(Instant.parse("2026-12-11T08:00:00Z"));
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");

        fire(ticket, "fulfilmentLate");
        assertThat(tickets.get(ticket.getId()).isEscalated()).isTrue();
        assertThat(notifiedUsers(ticket)).contains("t-desk").doesNotContain("t-pm");
        assertThat(passedActivities(ticket)).contains("escalateLateServiceRequest", "serviceRequestEscalated");
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");

        complete(ticket, "fulfilRequest", "t-eng", Map.of("fulfilmentNote", "固件升级到 V5.7"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");
        assertThat(passedActivities(ticket)).contains("reopenServiceRequest");
    }

    @Test
    void partsPurchaseWaitsForTheCustomersApprovalBeforeItsClockStarts() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.PARTS_PURCHASE);
        assertThat(openTaskKeys(ticket)).containsExactly("approveCost");
        assertThat(tickets.get(ticket.getId()).getRequestDue()).as("no clock while the customer decides").isNull();
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AT_DESK);

        clock.set(MONDAY_4PM);
        complete(ticket, "approveCost", "t-desk", Map.of("quoteAmount", 1200L, "costApproved", true, "approvedBy", "王科长"));
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");
        // approved Monday 16:00 + 5 working days = next Monday 16:00
        assertThat(tickets.get(ticket.getId()).getRequestDue()).isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
        complete(ticket, "fulfilRequest", "t-eng", Map.of("fulfilmentNote", "电源适配器 2 个已交付"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("approveCost", "startServiceClock", "fulfilRequest");
    }

    @Test
    void partsPurchaseRefusedIsAnsweredAndClosedWithoutFulfilment() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.PARTS_PURCHASE);
        Map<String, Object> refused = new HashMap<>(Map.of("quoteAmount", 5000L, "costApproved", false, "approvedBy", "王科长"));
        complete(ticket, "approveCost", "t-desk", refused);
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("approveCost", "recordServiceAnswered")
                .doesNotContain("startServiceClock", "fulfilRequest");
    }

    @Test
    void aRefusedPartsPurchaseReopenedByTheRequesterIsApprovedAgainBeforeAnythingIsBought() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.PARTS_PURCHASE);
        complete(ticket, "approveCost", "t-desk",
                new HashMap<>(Map.of("quoteAmount", 5000L, "costApproved", false, "approvedBy", "王科长")));
        // the requester does not accept the refusal: the request is reopened and goes back to the customer's approval
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));
        assertThat(openTaskKeys(ticket)).as("a second approval, not fulfilment").containsExactly("approveCost");
        assertThat(tickets.get(ticket.getId()).getRequestDue()).as("no clock while the customer decides again").isNull();
        assertThat(passedActivities(ticket)).contains("reopenServiceRequest").doesNotContain("startServiceClock");

        clock.set(MONDAY_4PM);
        complete(ticket, "approveCost", "t-desk",
                new HashMap<>(Map.of("quoteAmount", 4200L, "costApproved", true, "approvedBy", "王科长")));
        assertThat(openTaskKeys(ticket)).containsExactly("fulfilRequest");
        assertThat(tickets.get(ticket.getId()).getRequestDue()).isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
    }

    @Test
    void anApprovedPartsPurchaseNotAcceptedAtTheCallbackIsApprovedAgainToo() {
        Ticket ticket = open(RequestType.SERVICE_REQUEST, ServiceItem.PARTS_PURCHASE);
        complete(ticket, "approveCost", "t-desk", Map.of("quoteAmount", 1200L, "costApproved", true, "approvedBy", "王科长"));
        complete(ticket, "fulfilRequest", "t-eng", Map.of("fulfilmentNote", "电源适配器 2 个已交付"));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));
        assertThat(openTaskKeys(ticket)).containsExactly("approveCost");
    }

    // ---------------------------------------------------------------- intake

    @Test
    void aServiceRequestNamesItsItemAndNothingElseDoesAndNothingIsWrittenOtherwise() {
        long before = searchTickets.search(null, site.getId(), null, false, org.springframework.data.domain.Pageable.unpaged())
                .getTotalElements();
        assertThatThrownBy(() -> open(RequestType.SERVICE_REQUEST, null)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("serviceItem"));
        assertThatThrownBy(() -> open(RequestType.COMPLAINT, ServiceItem.UPGRADE)).isInstanceOf(BadRequestException.class)
                .satisfies(e -> assertThat(((BadRequestException) e).errors().get(0).field()).isEqualTo("serviceItem"));
        assertThat(searchTickets.search(null, site.getId(), null, false, org.springframework.data.domain.Pageable.unpaged())
                .getTotalElements()).isEqualTo(before);
    }

    @Test
    void aReportWithoutATypeIsAFaultOnTheFaultModel() {
        Ticket ticket = report(Category.DEFECT);
        assertThat(tickets.get(ticket.getId()).getRequestType()).isEqualTo(RequestType.FAULT);
        assertThat(openTaskKeys(ticket)).containsExactly("firstLineResolution");
        assertThat(tickets.get(ticket.getId()).getRequestDue()).isNull();
    }
}
