package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.Uploads;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.notify.NotificationService;
import com.aftercare.serviceform.VisitRecord;
import com.aftercare.serviceform.VisitRecords;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.CreatePolicy;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.DeliverableKind;
import com.aftercare.ticket.SubmitDeliverable;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.workflow.TaskView;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Every path of the field steps in dispatch.bpmn (issue 12; FW-2, FW-3, FW-4, VC-2): check-in, the emergency
 * path with its report timer, the recovery plan approved or sent back, the customer's tester confirming on the
 * phone or not, the desk's audit sent back and accepted, and a signature of another ticket refused. Signatures are
 * real attachments uploaded as the engineer would, judged by the attachment feature itself (no test double, so this
 * class shares the one context of the other IntegrationTests).
 */
class FieldStepsProcessTest extends IntegrationTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final AtomicInteger POLICIES = new AtomicInteger();

    @Autowired TestRestTemplate rest;
    @Autowired VisitRecords visits;
    @Autowired NotificationService notifications;
    @Autowired SaveContract saveContract;
    @Autowired CreatePolicy createPolicy;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired SubmitDeliverable submitDeliverable;

    private ClockStatus faultReportClock(Ticket ticket) {
        return clockEvaluation.clocks(tickets.clockTicket(ticket.getId())).stream()
                .filter(c -> c.clock() == ClockName.FAULT_REPORT).findFirst().orElseThrow();
    }

    private Ticket accepted() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        return ticket;
    }

    /** A signature drawn on the engineer's phone for this ticket: uploaded as the app does (kind SIGNATURE, an image). */
    private long signature(Ticket ticket) {
        var uploaded = new Uploads(rest).upload("t-eng", ticket.getId(), "signature.png", "image/png",
                Uploads.image("png", 300, 100), Map.of("kind", "SIGNATURE", "visibility", "PUBLIC"), null);
        assertThat(uploaded.status()).as("signature upload: %s", uploaded.body()).isEqualTo(201);
        return uploaded.body().path("id").asLong();
    }

    private VisitRecord visit(Ticket ticket) {
        List<VisitRecord> all = visits.forTicket(ticket.getId());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void fixAndProbe(Ticket ticket) {
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Water in the connector", "fixOutcome", "FIXED",
                "solution", "Dried and sealed the connector", "parts", "1 waterproof connector", "prevention", "Seal every connector"));
        probeWorker.runOnce();
    }

    /** A contract on a copy of THREE_LEVEL whose fault report is due in 6 hours and which owes a plan on every level. */
    private void contractOwingPlans(String reportTarget) throws Exception {
        String three = new String(getClass().getResourceAsStream("/sla/policies/THREE_LEVEL.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String code = "T_FIELD_" + POLICIES.incrementAndGet();
        String json = three.replaceAll("(\"clock\": \"FAULT_REPORT\",\\s*\"target\": )\"PT24H\"", "$1\"" + reportTarget + "\"");
        createPolicy.create(new CreatePolicy.Command(code, JSON.readValue(json, PolicyDefinition.class)));
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Field contract", code, CalendarKind.SEVEN_BY_24,
                "Asia/Shanghai", "t-desk", "t-sup", null, "t-admin", false, null, null, null, null, null, null,
                List.of("1", "2", "3")));
    }

    @Test
    void normalVisitRecordsCheckInReportWorkConfirmationAndAuditThenGoesToTheCallback() {
        Ticket ticket = accepted();
        assertThat(openTaskKeys(ticket)).containsExactly("checkIn");
        TaskView checkIn = task(ticket, "checkIn");
        assertThat(checkIn.assignee()).isEqualTo("t-eng");
        assertThat(checkIn.formFields()).anyMatch(f -> f.id().equals("location") && "location".equals(f.properties().get("widget")));
        Instant arrived = clock.instant();
        complete(ticket, "checkIn", "t-eng", Map.of("location", "{\"lat\":31.23,\"lng\":121.47,\"accuracy\":25}",
                "emergency", false));

        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "ON_SITE".equals(e.getType()));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnosisReport");
        assertThat(task(ticket, "diagnosisReport").formFields())
                .anyMatch(f -> f.id().equals("photos") && "photos".equals(f.properties().get("widget")));
        complete(ticket, "diagnosisReport", "t-eng", Map.of("symptom", "Picture black at the crossing", "diagnosis",
                "No power behind the connector", "cause", "Water in the connector", "levelSuggestion", "2", "photos", "11, 12"));
        assertThat(openTaskKeys(ticket)).as("no plan owed without a contract that lists the level").containsExactly("diagnoseAndFix");

        fixAndProbe(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        assertThat(tickets.get(ticket.getId()).getResolvedAt()).as("resolved only once the tester confirms").isNull();
        long drawn = signature(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "王工", "confirmed", true,
                "signatureAttachmentId", drawn));
        assertThat(tickets.get(ticket.getId()).getResolvedAt()).isNotNull();
        assertThat(openTaskKeys(ticket)).containsExactly("auditServiceForm");
        assertThat(task(ticket, "auditServiceForm").candidateGroups()).containsExactly("SERVICE_DESK");
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));

        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
        VisitRecord v = visit(ticket);
        assertThat(v.visitNo()).isEqualTo(1);
        assertThat(v.engineerUsername()).isEqualTo("t-eng");
        assertThat(v.engineerName()).isEqualTo("Test Engineer");
        assertThat(v.checkedInAt()).isEqualTo(arrived);
        assertThat(v.latitude()).isEqualTo(31.23);
        assertThat(v.longitude()).isEqualTo(121.47);
        assertThat(v.accuracyMeters()).isEqualTo(25.0);
        assertThat(v.emergency()).isFalse();
        assertThat(v.restoredAt()).isNull();
        assertThat(v.symptom()).isEqualTo("Picture black at the crossing");
        assertThat(v.diagnosis()).isEqualTo("No power behind the connector");
        assertThat(v.cause()).isEqualTo("Water in the connector");
        assertThat(v.workDone()).isEqualTo("Dried and sealed the connector");
        assertThat(v.parts()).isEqualTo("1 waterproof connector");
        assertThat(v.prevention()).isEqualTo("Seal every connector");
        assertThat(v.recoveryPlan()).isNull();
        assertThat(v.planReview()).isNull();
        assertThat(v.testerName()).isEqualTo("王工");
        assertThat(v.signatureAttachmentId()).isEqualTo(drawn);
        assertThat(v.confirmedRemotely()).isFalse();
        assertThat(v.confirmedAt()).isNotNull();
        assertThat(v.auditOutcome()).isEqualTo("ACCEPTED");
        assertThat(v.auditedBy()).isEqualTo("t-desk");

        // the case still closes as before: the callback confirms, the close step runs
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(passedActivities(ticket)).contains("deviceFixed", "fixConfirmed", "closeTicket");
    }

    @Test
    void checkInAfterTheOnSiteButtonKeepsTheFirstArrivalAndALocationThatIsNoPositionIsRefused() {
        Ticket ticket = accepted();
        assertThatThrownBy(() -> complete(ticket, "checkIn", "t-eng", Map.of("location", "somewhere", "emergency", false)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("location")));
        assertThat(visits.forTicket(ticket.getId())).as("a refused check-in leaves nothing").isEmpty();
        assertThat(openTaskKeys(ticket)).containsExactly("checkIn");

        complete(ticket, "checkIn", "t-eng", Map.of("location", "", "emergency", false));
        VisitRecord v = visit(ticket);
        assertThat(v.latitude()).as("the phone shared no position").isNull();
        assertThat(readTimeline.of(ticket.getId()).stream().filter(e -> "ON_SITE".equals(e.getType()))).hasSize(1);
    }

    @Test
    void emergencyRestoresFirstAndTheReportTimerAtTheContractsTimeTellsTheEngineerAndTheDesk() throws Exception {
        contractOwingPlans("PT6H");
        Ticket ticket = accepted();
        complete(ticket, "checkIn", "t-eng", Map.of("emergency", true));
        assertThat(openTaskKeys(ticket)).containsExactly("restoreService");
        assertThatThrownBy(() -> complete(ticket, "restoreService", "t-eng", Map.of()))
                .isInstanceOf(BadRequestException.class);

        Instant before = ClockUtil.now().toInstant();
        complete(ticket, "restoreService", "t-eng", Map.of("emergencyHandling", "Switched the crossing to the spare camera"));
        Instant after = ClockUtil.now().toInstant();
        assertThat(openTaskKeys(ticket)).containsExactly("diagnosisReport");
        VisitRecord restored = visit(ticket);
        assertThat(restored.emergency()).isTrue();
        assertThat(restored.restoredAt()).isNotNull();

        Job deadline = timerJob(ticket, "reportDeadline");
        assertThat(deadline).as("the report timer runs on the emergency path").isNotNull();
        assertThat(deadline.getDuedate().toInstant()).as("the contract's fault-report time, 6 h")
                .isBetween(before.plus(Duration.ofHours(6)).minusSeconds(1), after.plus(Duration.ofHours(6)).plusSeconds(1));
        managementService.executeJob(deadline.getId());

        assertThat(notifications.ofTicket(ticket.getId())).anyMatch(n -> "t-eng".equals(n.getRecipientUser())
                && n.getMessage().contains("诊断报告"));
        assertThat(notifications.ofTicket(ticket.getId())).anyMatch(n -> n.getRecipientUser() == null
                || !"t-eng".equals(n.getRecipientUser()));
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "REPORT_OVERDUE".equals(e.getType()));
        assertThat(passedActivities(ticket)).contains("notifyReportOverdue", "reportOverdueNotified");
        assertThat(openTaskKeys(ticket)).as("a reminder: the report stays open").containsExactly("diagnosisReport");

        complete(ticket, "diagnosisReport", "t-eng", Map.of("symptom", "Camera flooded", "diagnosis", "Housing cracked"));
        assertThat(timerJob(ticket, "reportDeadline")).as("the timer ends with the report").isNull();
        assertThat(openTaskKeys(ticket)).as("this contract owes a plan").containsExactly("recoveryPlan");
    }

    @Test
    void planOwedByTheContractIsReviewedAndApprovedBeforeTheWork() throws Exception {
        contractOwingPlans("PT24H");
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("recoveryPlan");
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing tonight, 22:00-23:00"));
        assertThat(openTaskKeys(ticket)).containsExactly("reviewPlan");
        assertThat(task(ticket, "reviewPlan").candidateGroups()).contains("CUSTOMER", "SERVICE_DESK");

        complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", true));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        VisitRecord v = visit(ticket);
        assertThat(v.recoveryPlan()).isEqualTo("Replace the housing tonight, 22:00-23:00");
        assertThat(v.planReview()).isEqualTo("APPROVED");
    }

    @Test
    void planSentBackGoesToTheEngineerWithTheReasonThenApproved() throws Exception {
        contractOwingPlans("PT24H");
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing during rush hour"));

        assertThatThrownBy(() -> complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", false)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("planReviewReason")));
        assertThat(openTaskKeys(ticket)).containsExactly("reviewPlan");

        complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", false, "planReviewReason", "Not during rush hour"));
        assertThat(openTaskKeys(ticket)).containsExactly("recoveryPlan");
        assertThat(visit(ticket).planReview()).isEqualTo("REJECTED");
        TaskView again = task(ticket, "recoveryPlan");
        assertThat(again.formFields()).as("the engineer sees why, and the plan to revise")
                .anyMatch(f -> f.id().equals("planReviewReason") && "Not during rush hour".equals(f.defaultValue()))
                .anyMatch(f -> f.id().equals("recoveryPlan") && "Replace the housing during rush hour".equals(f.defaultValue()));

        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing at 23:00"));
        assertThat(visit(ticket).planReview()).as("a new plan waits for a new review").isNull();
        complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", true));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(visit(ticket).recoveryPlan()).isEqualTo("Replace the housing at 23:00");
        assertThat(passedActivities(ticket)).contains("planApprovedGateway");
    }

    @Test
    void testerWhoDoesNotConfirmSendsTheCaseBackToTheWork() {
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        fixAndProbe(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Zhao Liu", "confirmed", false,
                "remark", "Channel 3 still black"));
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(tickets.get(ticket.getId()).getResolvedAt()).isNull();
        assertThat(visit(ticket).testerName()).isEqualTo("Zhao Liu");

        fixAndProbe(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Zhao Liu", "confirmed", true));
        assertThat(openTaskKeys(ticket)).containsExactly("auditServiceForm");
    }

    @Test
    void signatureOfAnotherTicketOrAnUnknownOneIsRefusedAndLeavesTheStepOpen() {
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        fixAndProbe(ticket);
        Ticket other = accepted();
        long othersSignature = signature(other);
        for (long bad : new long[] { othersSignature, 0L, 987_654_321L }) {
            Map<String, Object> values = new HashMap<>(Map.of("testerName", "Wang", "confirmed", true));
            values.put("signatureAttachmentId", bad);
            assertThatThrownBy(() -> complete(ticket, "confirmCompletion", "t-eng", values))
                    .isInstanceOfSatisfying(BadRequestException.class,
                            e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("signatureAttachmentId")));
        }
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        assertThat(visit(ticket).testerName()).as("nothing recorded").isNull();
        assertThat(tickets.get(ticket.getId()).getResolvedAt()).isNull();
    }

    @Test
    void auditSentBackNeedsAReasonAndTheEngineerRevisesTheFormBeforeItIsAccepted() {
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        fixAndProbe(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Wang", "confirmed", true));

        assertThatThrownBy(() -> complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", false)))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("auditReason")));
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", false, "auditReason", "Prevention is missing"));
        assertThat(openTaskKeys(ticket)).containsExactly("reviseServiceForm");
        assertThat(visit(ticket).auditOutcome()).isEqualTo("SENT_BACK");
        TaskView revise = task(ticket, "reviseServiceForm");
        assertThat(revise.assignee()).isEqualTo("t-eng");
        assertThat(revise.formFields()).anyMatch(f -> f.id().equals("auditReason") && "Prevention is missing".equals(f.defaultValue()));

        complete(ticket, "reviseServiceForm", "t-eng", Map.of("prevention", "Seal every connector with tape"));
        assertThat(openTaskKeys(ticket)).containsExactly("auditServiceForm");
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
        VisitRecord v = visit(ticket);
        assertThat(v.prevention()).isEqualTo("Seal every connector with tape");
        assertThat(v.workDone()).as("a blank field keeps what was there").isEqualTo("Dried and sealed the connector");
        assertThat(v.auditOutcome()).isEqualTo("ACCEPTED");
        assertThat(openTaskKeys(ticket)).containsExactly("callRequester");
    }

    @Test
    void aCaseReopenedByTheCallbackGetsASecondVisit() {
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        fixAndProbe(ticket);
        confirmAndAudit(ticket);
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "NOT_FIXED"));
        Set<String> open = openTaskKeys(ticket);
        if (open.contains("assignEngineer")) {
            complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        }
        if (openTaskKeys(ticket).contains("acceptAssignment")) {
            complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        }
        complete(ticket, "checkIn", "t-eng", Map.of("emergency", false));
        assertThat(visits.forTicket(ticket.getId())).extracting(VisitRecord::visitNo).containsExactly(1, 2);
        assertThat(readTimeline.of(ticket.getId()).stream().filter(e -> "ON_SITE".equals(e.getType())))
                .as("a reopened case needs a new arrival").hasSize(2);
    }

    @Test
    void theAcceptedServiceFormIsTheFaultReportSoTheClosedCaseOwesNone() throws Exception {
        contractOwingPlans("PT6H");
        Ticket ticket = accepted();
        complete(ticket, "checkIn", "t-eng", Map.of("emergency", true));
        complete(ticket, "restoreService", "t-eng", Map.of("emergencyHandling", "Switched to the spare camera"));
        complete(ticket, "diagnosisReport", "t-eng", Map.of("symptom", "Camera flooded", "diagnosis", "Housing cracked"));
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing tonight"));
        complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", true));
        fixAndProbe(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Wang", "confirmed", true));
        Instant resolved = tickets.get(ticket.getId()).getResolvedAt();
        assertThat(faultReportClock(ticket).state()).as("owed from the resolution").isEqualTo(ClockState.RUNNING);
        assertThat(faultReportClock(ticket).dueAt()).isEqualTo(resolved.plus(Duration.ofHours(6)));

        clock.set(clock.instant().plus(Duration.ofHours(1)));
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));

        ClockStatus report = faultReportClock(ticket);
        assertThat(report.state()).as("the accepted form is the report, 1 h of 6 after the resolution").isEqualTo(ClockState.MET);
        assertThat(readTimeline.of(ticket.getId())).filteredOn(e -> "FAULT_REPORT".equals(e.getType())).hasSize(1)
                .allSatisfy(e -> assertThat(e.getMessage()).contains("Camera flooded", "Switched to the spare camera",
                        "Water in the connector", "Dried and sealed the connector", "Seal every connector"));
        assertThatThrownBy(() -> submitDeliverable.submit(new SubmitDeliverable.Command(ticket.getId(),
                DeliverableKind.FAULT_REPORT, "another report"))).as("nothing is owed any more")
                .isInstanceOf(ConflictException.class);

        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(faultReportClock(ticket).state()).as("the closed case owes no report").isEqualTo(ClockState.MET);
    }

    @Test
    void aServiceFormSentBackIsNoReportYetSoTheReportIsStillOwed() throws Exception {
        contractOwingPlans("PT6H");
        Ticket ticket = accepted();
        checkInAndReport(ticket);
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing tonight"));
        complete(ticket, "reviewPlan", "t-desk", Map.of("planApproved", true));
        fixAndProbe(ticket);
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Wang", "confirmed", true));
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", false, "auditReason", "Prevention is missing"));

        assertThat(openTaskKeys(ticket)).containsExactly("reviseServiceForm");
        assertThat(faultReportClock(ticket).state()).as("still owed").isEqualTo(ClockState.RUNNING);
        assertThat(readTimeline.of(ticket.getId())).noneMatch(e -> "FAULT_REPORT".equals(e.getType()));

        complete(ticket, "reviseServiceForm", "t-eng", Map.of("prevention", "Seal every connector with tape"));
        assertThat(faultReportClock(ticket).state()).as("a revision is not accepted yet").isEqualTo(ClockState.RUNNING);
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
        assertThat(faultReportClock(ticket).state()).isEqualTo(ClockState.MET);
        assertThat(readTimeline.of(ticket.getId())).filteredOn(e -> "FAULT_REPORT".equals(e.getType()))
                .singleElement().satisfies(e -> assertThat(e.getMessage()).contains("Seal every connector with tape"));
    }
}
