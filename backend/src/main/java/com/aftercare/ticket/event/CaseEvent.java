package com.aftercare.ticket.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.aftercare.sla.ClockName;
import com.aftercare.sla.ContractTerms;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;

/**
 * Something that happened to a case, as data: codes, names, times and what people typed, never a
 * sentence. The same event becomes a timeline line, a WeCom/DingTalk/e-mail text or an Excel cell
 * by {@link CaseEventTexts}, in the reader's language (UI) or the contract's language (outside
 * channels). {@link #type()} is what the ticket_event.type column keeps and the UI filters on.
 */
public sealed interface CaseEvent {

    String type();

    /**
     * The page a reader of this event's notification opens, for events that belong to no case; null for the rest
     * (a case's notification opens its case). A change's number is CHG- and its id (change.ChangeRequest).
     */
    static String pageOf(CaseEvent event) {
        String number = event instanceof ChangeSubmitted e ? e.number() : event instanceof ChangeDecided e ? e.number()
                : event instanceof ChangeTested e ? e.number() : event instanceof ChangeAnnounced e ? e.number()
                : event instanceof ChangeCancelled e ? e.number() : event instanceof ChangeWindowOpened e ? e.number()
                : event instanceof ChangeOverrun e ? e.number() : event instanceof ChangeFinished e ? e.number()
                : event instanceof ChangeNotAccepted e ? e.number() : null;
        if (event instanceof HotlineCallMissed) {
            return "/hotline";
        }
        if (event instanceof WeatherWarningReceived) {
            return "/inspections";
        }
        if (event instanceof SecurityIncidentReported e && e.number().matches("SEC-\\d+")) {
            return "/security-incidents/" + Long.parseLong(e.number().substring(4));
        }
        return number != null && number.matches("CHG-\\d+") ? "/changes/" + Long.parseLong(number.substring(4)) : null;
    }

    /** A report recorded; receivedAt only when the reporter gave a time other than now. */
    record Created(String number, Channel channel, String title, Instant receivedAt) implements CaseEvent {
        public String type() { return "CREATED"; }
    }

    /** A ticket from before SLA policies adopted one. */
    record PolicyAdopted(String policyCode) implements CaseEvent {
        public String type() { return "POLICY"; }
    }

    /** The decision table gave a code the contract does not know; the mildest level is used instead. */
    record LevelFallback(String decided, String level) implements CaseEvent {
        public String type() { return "LEVEL"; }
    }

    /** The level the decision table chose from impact and urgency; levelName is the policy's own name for it. */
    record LevelDecided(String level, String levelName, Grade impact, Grade urgency) implements CaseEvent {
        public String type() { return "LEVEL"; }
    }

    record LevelChanged(String from, String to, String reason) implements CaseEvent {
        public String type() { return "LEVEL"; }
    }

    /** Moved onto another version of an SLA policy. */
    record PolicyChanged(String policyCode, int version) implements CaseEvent {
        public String type() { return "POLICY"; }
    }

    record ContractTermsChanged(ContractTerms from, ContractTerms to) implements CaseEvent {
        public String type() { return "CONTRACT"; }
    }

    /**
     * An admin imported the statutory holidays of {@code year} and the case's working-time clocks were replayed on the
     * new calendar (ADR 0075); moved: each clock whose due time changed (empty when only an escalation time did).
     */
    record HolidayCalendarApplied(int year, List<DueMoved> moved) implements CaseEvent {
        public String type() { return "CALENDAR"; }
    }

    /** A clock's due time before and after a recomputation. */
    record DueMoved(ClockName clock, Instant from, Instant to) {
    }

    /** reason: a hold reason (WAITING_CUSTOMER, WAITING_PARTS) or a ticket status that pauses the policy's clocks. */
    record ClocksPaused(String reason) implements CaseEvent {
        public String type() { return "CLOCKS_PAUSED"; }
    }

    /** cause: a hold reason or status that no longer pauses, or null when a hold was released. */
    record ClocksResumed(String cause) implements CaseEvent {
        public String type() { return "CLOCKS_RESUMED"; }
    }

    record OnHold(String reason, String note) implements CaseEvent {
        public String type() { return "ON_HOLD"; }
    }

    record HoldReleased(String reason) implements CaseEvent {
        public String type() { return "HOLD_RELEASED"; }
    }

    record ArrivedOnSite(String engineer, String siteName) implements CaseEvent {
        public String type() { return "ON_SITE"; }
    }

    /** kind: SOLUTION_PLAN, CONTINGENCY_PLAN or FAULT_REPORT (also the stored type, as before). */
    record DeliverableSubmitted(String kind, String text) implements CaseEvent {
        public String type() { return kind; }
    }

    record AbnormalEventReported(String description, boolean technical) implements CaseEvent {
        public String type() { return "ABNORMAL_EVENT"; }
    }

    record AbnormalEventTakenUp(String by) implements CaseEvent {
        public String type() { return "ABNORMAL_ACKNOWLEDGED"; }
    }

    record DelayReported(String reason) implements CaseEvent {
        public String type() { return "DELAY_REPORTED"; }
    }

    record Assigned(String engineer) implements CaseEvent {
        public String type() { return "ASSIGNED"; }
    }

    /**
     * A user task finished. taskKey is the BPMN activity id, processKey its model; values are the
     * submitted form values by field id (rendered with the form's own labels and option names).
     */
    record TaskCompleted(String processKey, String taskKey, String taskName, List<FieldValue> values) implements CaseEvent {
        public String type() { return "TASK_COMPLETED"; }
    }

    /** One submitted form value; value is what was posted (a boolean, an option id, text). */
    record FieldValue(String field, Object value) {
    }

    /** lateAfter: the deadline that had passed, or null when responded in time. */
    record Responded(Instant lateAfter) implements CaseEvent {
        public String type() { return "RESPONDED"; }
    }

    /** how: AT_DESK or ON_SITE (how the fault was resolved); late: after the resolution deadline. */
    record Resolved(String how, boolean late) implements CaseEvent {
        public String type() { return "RESOLVED"; }
    }

    record Reopened() implements CaseEvent {
        public String type() { return "REOPENED"; }
    }

    record Closed() implements CaseEvent {
        public String type() { return "CLOSED"; }
    }

    /**
     * The diagnosis report was not written within the contract's report time after the engineer checked in or
     * restored service (dispatch.bpmn "reportDeadline", FW-3); due is that time. engineer: who owes it.
     */
    record ReportOverdue(String engineer, Duration due) implements CaseEvent {
        public String type() { return "REPORT_OVERDUE"; }
    }

    /** Issue 13, RR-1/RR-2: the device went to the vendor on a repair slip; expectedReturn is the vendor's deadline. */
    record SentToVendor(String vendor, String slipNumber, Instant expectedReturn) implements CaseEvent {
        public String type() { return "VENDOR"; }
    }

    /** RR-2: the vendor's deadline passed with the device still away; supervisor, desk and engineer were told. */
    record VendorReturnOverdue(String vendor, String slipNumber, Instant due) implements CaseEvent {
        public String type() { return "VENDOR_OVERDUE"; }
    }

    /** RR-1: the device is back from the vendor; outcome REPAIRED or UNREPAIRABLE, late when past the deadline. */
    record BackFromVendor(String vendor, String slipNumber, String outcome, boolean late) implements CaseEvent {
        public String type() { return "VENDOR"; }
    }

    /** RR-3: a progress report is due while the device is at the vendor (engineer null: the desk was told). */
    record ProgressReportDue(String engineer) implements CaseEvent {
        public String type() { return "PROGRESS_DUE"; }
    }

    /**
     * RR-3: the next progress report fell due while the one due since {@code dueSince} is still unwritten: no second
     * task is opened, the open one is chased (engineer null: only the desk was told).
     */
    record ProgressReportLate(String engineer, Instant dueSince) implements CaseEvent {
        public String type() { return "PROGRESS_LATE"; }
    }

    /** RR-3: the progress report written while the device is at the vendor, as sent to the customer. */
    record ProgressReported(String vendor, String report) implements CaseEvent {
        public String type() { return "PROGRESS_REPORT"; }
    }

    /** RR-4: a loaner unit of the pool was installed on site; the service counts as restored. */
    record LoanerInstalled(String model, String serial) implements CaseEvent {
        public String type() { return "LOANER"; }
    }

    /** RR-4: the loaner was collected after the case's own device was back, and returned to the pool. */
    record LoanerCollected(String model, String serial) implements CaseEvent {
        public String type() { return "LOANER"; }
    }
    /**
     * A spare part's total stock fell to its alarm level or below (FW-6, stock feature); not about one case, so sent
     * with no ticket. unit: the catalogue's unit as typed (个, 台, m).
     */
    record StockLow(String partNumber, String part, long onHand, String unit, int alarmLevel) implements CaseEvent {
        public String type() { return "STOCK_LOW"; }
    }
    /**
     * The month-end written warning about stale spare parts (FW-6, stock feature): batches and quantity with stock left
     * at the end of year-month that were received before staleBefore (the month's last day less the stale period,
     * whatever unit it is configured in). Belongs to no case.
     */
    record StaleStockWarned(int year, int month, int batches, long quantity, java.time.LocalDate staleBefore) implements CaseEvent {
        public String type() { return "STOCK_STALE"; }
    }
    /**
     * RP-5 (change feature): a change to a customer's running system was asked for and waits for a supervisor's
     * approval. major: 重大变更 (tested before the customer is told). Belongs to no case, nor do the other Change events.
     */
    record ChangeSubmitted(String number, String title, String customer, boolean major, String requestedBy) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-5: a supervisor approved or rejected a change request; note: their reason (required to reject). */
    record ChangeDecided(String number, String title, boolean approved, String by, String note) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-5: a major change's test passed or failed; a failed test ends the request. */
    record ChangeTested(String number, String title, boolean passed, String by, String note) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /**
     * RP-5: the customer is told of a change in advance: its window, what it touches (impact) and how it is undone if it
     * fails (fallback). rescheduled: a new window for a change they had been told of.
     */
    record ChangeAnnounced(String number, String title, String customer, Instant start, Instant end, String impact,
            String fallback, boolean rescheduled) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-5: a change was withdrawn before its window; reason as typed. */
    record ChangeCancelled(String number, String title, Instant start, String reason) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-5: a change's window has started; the implementer carries it out and records how it ended. */
    record ChangeWindowOpened(String number, String title, Instant end) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-5: a change's window ended with no outcome recorded. */
    record ChangeOverrun(String number, String title, Instant end, String implementer) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /**
     * IN-10 (seed 004: 半小时内回复客户电话): a hotline call was missed while its half-hour reply is still possible; caller:
     * who the records know by the number ("name · unit"), or null. Told to the desk.
     */
    /** A feed's severe-weather warning started weather inspections (PM-3): hazard and level are codes. */
    record WeatherWarningReceived(String title, String hazard, String level, int inspections) implements CaseEvent {
        public String type() { return "WEATHER"; }
    }

    record HotlineCallMissed(String callerNumber, String caller, Instant replyDue) implements CaseEvent {
        public String type() { return "HOTLINE"; }
    }

    /**
     * RP-6: a security incident (securityincident.SecurityIncident, SEC- and its id) was reported at a customer unit;
     * kind and impact are its codes (SecurityIncidentKind, SecurityImpact). Told to supervisors and administrators.
     */
    record SecurityIncidentReported(String number, String title, String customer, String kind, String impact,
            String reportedBy) implements CaseEvent {
        public String type() { return "SECURITY"; }
    }

    /** RP-5: a change was carried out: outcome SUCCEEDED or ROLLED_BACK (change.ChangeOutcome), note as typed. */
    record ChangeFinished(String number, String title, String outcome, String note) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** The customer did not accept a finished change (用户确认不通过): by, the customer's person; opinion, why. */
    record ChangeNotAccepted(String number, String title, String by, String opinion) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /** RP-4: the case names a configuration item (number CI-…, name) as touched by its fault, or no longer does. */
    record ConfigItemNamed(String number, String name, boolean named) implements CaseEvent {
        public String type() { return "CONFIG_ITEM"; }
    }

    /**
     * RP-5: a supervisor judged this case's fault caused by change number (title), with an optional note; or withdrew
     * that judgement (caused false).
     */
    record CausedByChange(String number, String title, String note, boolean caused) implements CaseEvent {
        public String type() { return "CHANGE"; }
    }

    /**
     * The repair-reports.bpmn timer made this period's repair reports (RR-7): kind MONTHLY (number = month) or
     * QUARTERLY (number = quarter); files: how many customers' files are new. Belongs to no case.
     */
    record RepairReportsReady(String kind, int year, int number, int files) implements CaseEvent {
        public String type() { return "REPAIR_REPORT"; }
    }

    /**
     * A preventive inspection (issue 16) was not done by the end of its window: kind is the inspection's kind code
     * (WEEKLY ... WEATHER), lastDay the window's last day. Belongs to no case; goes to the supervisors.
     */
    record InspectionOverdue(long inspectionId, String customer, String kind, java.time.LocalDate lastDay) implements CaseEvent {
        public String type() { return "INSPECTION"; }
    }

    /**
     * CB-1..CB-3 (ADR 0045): the daily survey timer opened new tasks for the desk. kind: SAMPLE, CALLBACK or QUARTERLY
     * (survey.SurveyKind); count: how many. Belongs to no case.
     */
    record SurveysOpened(String kind, int count) implements CaseEvent {
        public String type() { return "SURVEY"; }
    }

    /** CB-3: a customer's quarterly survey results were not in by their due time. Belongs to no case. */
    record SurveyOverdue(String customer, int year, int quarter, Instant due) implements CaseEvent {
        public String type() { return "SURVEY"; }
    }

    /** CB-1: the sampled case's satisfaction survey was answered: scores 1-5 for intake, handling and support. */
    record SurveyAnswered(Integer intake, Integer handling, Integer support, String comment) implements CaseEvent {
        public String type() { return "SURVEY"; }
    }

    /**
     * A scheduled service report (RP-1) was not made by its due day (issue 16): kind a servicereport kind code,
     * period its code ("2026-10"), customer the unit it is for; rung the step of its late ladder (ADR 0050: 1 at the
     * due day, 2 a working day later; 0 in rows written before the ladder, read as 1). Belongs to no case.
     */
    record ServiceReportOverdue(String kind, String period, String customer, java.time.LocalDate dueOn, int rung)
            implements CaseEvent {
        public ServiceReportOverdue(String kind, String period, String customer, java.time.LocalDate dueOn) {
            this(kind, period, customer, dueOn, 1);
        }

        public String type() { return "SERVICE_REPORT"; }
    }

    /**
     * CB-1..CB-3 (ADR 0050): a survey or callback not answered by its due time reached a rung of its late ladder.
     * kind: SAMPLE, CALLBACK or QUARTERLY (survey.SurveyKind); ticketNumber the sampled case (SAMPLE only); the period
     * it covers; rung 1 at the due time, 2 a working day later. Belongs to no case.
     */
    record SurveyLate(String kind, String customer, String ticketNumber, java.time.LocalDate periodStart,
            java.time.LocalDate periodEnd, Instant due, int rung) implements CaseEvent {
        public String type() { return "SURVEY"; }
    }

    /** engineer null: nobody has taken the job, the desk was reminded. */
    record Reminded(String engineer) implements CaseEvent {
        public String type() { return "REMINDED"; }
    }

    /**
     * An SLA clock reached escalation rungs. rungs: the rung numbers (1-based) this one message stands
     * for, lowest first; remaining: time left (negative when overdue), null for a clock without a due
     * time; lateBy: how late the message itself is (after downtime), null when on time.
     */
    record Escalated(String number, String level, ClockName clock, List<Integer> rungs, boolean repeat,
            Duration remaining, Duration lateBy, String siteName, String assignee, String title) implements CaseEvent {
        public String type() { return "ESCALATED"; }
    }

    /** A clock that had escalated has stopped; margin: time to spare (negative when late), may be null. */
    record DeEscalated(String number, ClockName clock, String state, Duration margin, String title) implements CaseEvent {
        public String type() { return "DEESCALATED"; }
    }

    /** Someone mentioned a colleague (@user name) in the case's conversation; excerpt: the start of the message. */
    record Mentioned(String number, String by, String excerpt) implements CaseEvent {
        public String type() { return "MENTIONED"; }
    }

    /** A device check finished (or could not run: checksTotal 0 and failed true). */
    /**
     * A verification ran (VC-3). notConfigured: required checks the device lacks settings for (issue 14); waivedBy: the
     * desk user whose waiver let those pass (null: no waiver used).
     */
    record ProbeChecked(String deviceName, boolean passed, int checksTotal, int checksFailed, int notConfigured, String waivedBy)
            implements CaseEvent {
        public ProbeChecked(String deviceName, boolean passed, int checksTotal, int checksFailed) {
            this(deviceName, passed, checksTotal, checksFailed, 0, null);
        }

        public String type() { return passed ? "PROBE_PASSED" : "PROBE_FAILED"; }
    }

    /** Issue 14: the desk waived verification of the case's device (its settings are missing), with the reason. */
    record VerificationWaived(String deviceName, String reason) implements CaseEvent {
        public String type() { return "VERIFICATION_WAIVED"; }
    }

    /**
     * RR-5: the same kind of fault on the same device within 3 months after an earlier repair of it was closed; this
     * case is repaired free. earlierNumber: that earlier case.
     */
    record RepeatRepairFlagged(String earlierNumber) implements CaseEvent {
        public String type() { return "REPEAT_REPAIR"; }
    }

    /** WA-1, FW-5: the customer (or the desk for them) approved or refused the parts and cost of the work. */
    record QuoteAnswered(boolean approved, String by, String reason) implements CaseEvent {
        public String type() { return "QUOTE"; }
    }

    /** RR-6: a replacement of the device is proposed; cause UNREPAIRABLE or REPEATED_FAILURE. */
    record ReplacementProposed(String cause, String model) implements CaseEvent {
        public String type() { return "REPLACEMENT"; }
    }

    /** RR-6: the customer (or the desk for them) approved or refused the replacement. */
    record ReplacementAnswered(boolean approved, String by, String reason) implements CaseEvent {
        public String type() { return "REPLACEMENT"; }
    }

    /** RR-6: the new device is installed and the old one left the asset list (scrapped when unrepairable). */
    record DeviceReplaced(String oldDevice, String newDevice, boolean scrapped) implements CaseEvent {
        public String type() { return "REPLACEMENT"; }
    }

    /** FW-5: a replaced part went back to the owner. */
    record PartHandedOver(String part, String handedTo) implements CaseEvent {
        public String type() { return "PART_HANDOVER"; }
    }

    /**
     * Issue 14: the device's probe job waits for the site's probe agent, which is offline (no call for the configured
     * time); it runs when the agent is back, the case does not pass before. Recorded once per job.
     */
    record ProbeWaitsForAgent(String deviceName, String agentName, String siteName) implements CaseEvent {
        public String type() { return "PROBE_WAITING"; }
    }

    /**
     * Issue 14 gaps (ADR 0042): "check again now" at a site whose probe agent alone reaches the device; the check is
     * queued for the agent and its result follows as a PROBE_PASSED or PROBE_FAILED line.
     */
    record RecheckQueued(String deviceName) implements CaseEvent {
        public String type() { return "PROBE_RECHECK_QUEUED"; }
    }

    /**
     * Issue 14, IN-1: a monitoring system's alarm opened this case. severity: CRITICAL, ERROR, WARNING or INFO;
     * device null when the alarm named no device of the customer (host: what it named instead), so the desk triages.
     */
    record AlarmReceived(String source, String severity, String device, String host) implements CaseEvent {
        public String type() { return "ALARM"; }
    }

    /** The same alarm (dedup key) fired again while its case was open; count: times fired so far, this one included. */
    record AlarmRetriggered(String source, String summary, int count) implements CaseEvent {
        public String type() { return "ALARM_REPEATED"; }
    }

    /** The monitoring system says someone acknowledged the alarm there. */
    record AlarmAcknowledged(String source) implements CaseEvent {
        public String type() { return "ALARM_ACKNOWLEDGED"; }
    }

    /** The monitoring system reports the alarm cleared at {@code at}: evidence for verification, not a verdict. */
    record AlarmResolved(String source, Instant at) implements CaseEvent {
        public String type() { return "ALARM_RESOLVED"; }
    }

    /** pairs trigger/resolve pairs within window: noted once; later flaps are counted on the alarm, not written here. */
    record AlarmFlapping(String source, long pairs, Duration window) implements CaseEvent {
        public String type() { return "ALARM_FLAPPING"; }
    }

    /**
     * Issue 15, IN-1: a mail reached the intake mailbox and opened this case (opened) or was added to its conversation
     * (a reply). known: the sender is a user of the case's unit; otherwise the desk checks who wrote (triage).
     */
    record MailReceived(String from, String subject, boolean opened, boolean known) implements CaseEvent {
        public String type() { return "EMAIL"; }
    }

    /** Issue 15: the requester's mail about a case closed only days ago took it up again (ADR 0043). */
    record ReopenedByMail(String from, String subject) implements CaseEvent {
        public String type() { return "REOPENED_BY_MAIL"; }
    }

    /** Issue 15: a mail about a case closed longer ago than the reopen window opened this case, linked to that one. */
    record MailAboutClosedCase(String number, java.time.Duration window) implements CaseEvent {
        public String type() { return "EMAIL_ABOUT_CLOSED_CASE"; }
    }

    /** A file that came with a mail was not kept: of a type or size attachments may not have. */
    record MailAttachmentRefused(String fileName) implements CaseEvent {
        public String type() { return "EMAIL_ATTACHMENT_REFUSED"; }
    }

    /**
     * Issue 15: a supervisor handed the case to another engineer (from: the engineer before, null when nobody had it);
     * reason as typed, may be null.
     */
    record Reassigned(String from, String to, String reason) implements CaseEvent {
        public String type() { return "REASSIGNED"; }
    }

    /** Issue 15: a supervisor nudged (催办) the case's engineer; note as typed, may be null. */
    record Nudged(String engineer, String note) implements CaseEvent {
        public String type() { return "NUDGED"; }
    }

    /**
     * Issue 15: this case was linked to another one. kind: RELATED, DUPLICATE_OF (this case duplicates the other) or
     * DUPLICATED_BY (the other case duplicates this one).
     */
    record CasesLinked(String number, String kind) implements CaseEvent {
        public String type() { return "LINKED"; }
    }

    /** The link to the other case was removed; kind as it was. */
    record CasesUnlinked(String number, String kind) implements CaseEvent {
        public String type() { return "UNLINKED"; }
    }

    /** Closed as the duplicate of the case number, which carries on (ADR 0040). */
    record ClosedAsDuplicate(String number) implements CaseEvent {
        public String type() { return "CLOSED"; }
    }

    /**
     * Issue 15 (ADR 0037): the request type's own clock started. requestType CONSULTATION, COMPLAINT or
     * SERVICE_REQUEST; serviceItem the catalogue item of a service request, else null; due the deadline.
     */
    record RequestClockStarted(String requestType, String serviceItem, Instant due) implements CaseEvent {
        public String type() { return "REQUEST_CLOCK"; }
    }

    /**
     * The request type's own clock ran out before its step was done; notified: the people told (for a complaint the
     * contract's project manager, else the supervisors), comma-separated user names.
     */
    record RequestOverdue(String requestType, String serviceItem, Instant due, String notified) implements CaseEvent {
        public String type() { return "REQUEST_OVERDUE"; }
    }

    /** A complaint's owner was named; the reply is theirs to give. */
    record ComplaintOwnerAssigned(String owner) implements CaseEvent {
        public String type() { return "COMPLAINT_OWNER"; }
    }

    /** The complaint's owner replied to the complainant (this is also what the complainant is sent). */
    record ComplaintReplied(String owner, String reply) implements CaseEvent {
        public String type() { return "COMPLAINT_REPLY"; }
    }

    /** IN-4: the desk solved the case on the first line with a knowledge-base article (its id and title then). */
    record SolvedFromArticle(long articleId, String title) implements CaseEvent {
        public String type() { return "SOLVED_FROM_ARTICLE"; }
    }
}
