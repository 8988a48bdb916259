package com.aftercare.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.asset.DescribeSiteEnvironment;
import com.aftercare.field.ReadCustomerStep;
import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.aftercare.probe.ProbeCheck;
import com.aftercare.probe.ProbeResultWords;
import com.aftercare.probe.ProbeService;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.TicketAction;
import com.aftercare.ticket.TicketActions;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.TicketSummary;
import com.aftercare.ticket.event.ReadCaseTimeline;
import com.aftercare.workflow.TaskView;
import com.aftercare.workflow.ReadCaseTasks;
import com.aftercare.workflow.WorkflowTaskService;

/**
 * The whole case on one page: the ticket, its timeline, deadlines, open tasks and probe evidence.
 * A read model that joins several features, so it lives apart from each of them.
 */
@RestController
class CaseFileController {

    private final FindTicket tickets;
    private final WorkflowTaskService tasks;
    private final ReadCaseTasks caseTasks;
    private final ProbeService probes;
    private final com.aftercare.probe.WaiveVerification waivers;
    private final TicketActions actions;
    private final ReadCaseTimeline timelines;
    private final ReadCustomerStep customerSteps;
    private final Clock clock;
    private final com.aftercare.probe.RecheckQueue rechecks;

    CaseFileController(FindTicket tickets, WorkflowTaskService tasks, ReadCaseTasks caseTasks, ProbeService probes, TicketActions actions,
            ReadCaseTimeline timelines, ReadCustomerStep customerSteps, Clock clock, com.aftercare.probe.WaiveVerification waivers, com.aftercare.probe.RecheckQueue rechecks) {
        this.rechecks = rechecks;
        this.waivers = waivers;
        this.tickets = tickets;
        this.tasks = tasks;
        this.caseTasks = caseTasks;
        this.probes = probes;
        this.actions = actions;
        this.timelines = timelines;
        this.customerSteps = customerSteps;
        this.clock = clock;
    }

    /** message: the line in the reader's language (Accept-Language: zh* or en*, default zh-CN). */
    record TimelineEntry(Instant at, String actor, String type, String message) {
    }

    record ProbeResultView(Long id, Instant startedAt, Instant finishedAt, boolean passed, String summary, List<ProbeCheck> checks) {
    }

    record CaseFile(@JsonUnwrapped TicketSummary summary, String channel, String requesterName, String requesterUnit, String requesterPhone,
            String impact, String urgency, String description, String deskNote, String symptom, String cause, String solution,
            String prevention, String thirdPartyName, String callbackOutcome, Integer satisfaction, String customerFeedback,
            int reopenCount, List<TimelineEntry> timeline, List<TaskView> openTasks, List<ProbeResultView> probeResults,
            /** What the signed-in user may do to the ticket now besides its tasks: exactly what those endpoints accept. */
            List<TicketAction> availableActions,
            /** What the customer's side is asked for now (plan review, completion confirmation), or null. */
            ReadCustomerStep.CustomerStep customerStep,
            /** Issue 12: the device is being probed now (the case is in its verify step); the page shows "checking". */
            boolean verifying,
            /** Where the engineer goes and whom to call there: the site card of the phone's ticket page. */
            SiteCard site,
            /** Issue 14: the desk's waiver of the device's verification (settings missing), or null. */
            WaiverView verificationWaiver,
            /** Issue 14: the page offers this user the waiver (desk, last verification failed as not configured). */
            boolean waiverOffered,
            /** ADR 0042: a recheck waits for, or is being run by, the site's probe agent; the page shows "checking". */
            boolean recheckQueued) {
    }

    record WaiverView(String reason, String waivedBy, Instant waivedAt) {
    }

    /**
     * The site of a case as the engineer's phone shows it: address for the map link, contact for tap-to-call, and where
     * on the site the case's device is installed (null: no device, or its location not recorded).
     */
    record SiteCard(Long id, String name, String address, String contactName, String contactPhone, String deviceLocation,
            /** The site's machine room, power, lightning protection, conditions and maintainers; null: none recorded. */
            DescribeSiteEnvironment.Environment environment) {
    }

    /**
     * What a customer's user sees of their own ticket: what they reported, where it stands, the fix
     * and the callback; not the desk's notes, the engineers' timeline or the probe evidence.
     */
    record CustomerCaseFile(@JsonUnwrapped TicketSummary summary, String channel, String requesterName, String requesterUnit,
            String requesterPhone, String impact, String urgency, String description, String solution, String callbackOutcome,
            Integer satisfaction, String customerFeedback, boolean callbackOpen,
            /** The plan to review or the work to confirm (field steps), or null. */
            ReadCustomerStep.CustomerStep customerStep) {
    }

    @GetMapping("/api/tickets/{id}")
    Object caseFile(@PathVariable Long id,
            @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        Ticket t = tickets.getVisible(id);
        if (CurrentUser.isCustomer()) {
            boolean callbackOpen = tasks.openTaskKeys(t.getNumber()).containsKey(WorkflowTaskService.CALLBACK_TASK);
            return new CustomerCaseFile(TicketSummary.of(t, clock.instant()), t.getChannel().name(), t.getRequesterName(),
                    t.getRequesterUnit(), t.getRequesterPhone(), t.getImpact().name(), t.getUrgency().name(), t.getDescription(),
                    t.getSolution(), t.getCallbackOutcome(), t.getSatisfaction(), t.getCustomerFeedback(), callbackOpen,
                    customerSteps.of(t));
        }
        Instant now = clock.instant();
        // times on the timeline read in the zone the case's clocks run in
        ZoneId zone = t.terms() == null ? clock.getZone() : t.terms().zone();
        List<TimelineEntry> timeline = timelines.lines(id, Labels.language(acceptLanguage), zone).stream()
                .map(e -> new TimelineEntry(e.at(), e.actor(), e.type(), e.message())).toList();
        List<TaskView> open = caseTasks.read(t.getNumber(), CurrentUser.username(), CurrentUser.roles());
        Locale reader = Labels.language(acceptLanguage);
        List<ProbeResultView> probeResults = probes.resultsOf(id).stream()
                .map(p -> new ProbeResultView(p.getId(), p.getStartedAt(), p.getFinishedAt(), p.isPassed(),
                        ProbeResultWords.summary(p.getSummary(), reader), ProbeResultWords.checks(p.getChecks(), reader)))
                .toList();
        return new CaseFile(TicketSummary.of(t, now), t.getChannel().name(), t.getRequesterName(),
                t.getRequesterUnit(), t.getRequesterPhone(), t.getImpact().name(), t.getUrgency().name(), t.getDescription(),
                t.getDeskNote(), t.getSymptom(), t.getCause(), t.getSolution(), t.getPrevention(), t.getThirdPartyName(),
                t.getCallbackOutcome(), t.getSatisfaction(), t.getCustomerFeedback(), t.getReopenCount(), timeline, open, probeResults,
                actions.available(t), customerSteps.of(t), t.getStatus() == TicketStatus.VERIFYING,
                new SiteCard(t.getSite().getId(), t.getSite().getName(), t.getSite().getAddress(),
                        t.getSite().getContactName(), t.getSite().getContactPhone(),
                        t.getDevice() == null ? null : t.getDevice().getLocation(), DescribeSiteEnvironment.Environment.of(t.getSite())),
                waivers.of(id).map(w -> new WaiverView(w.getReason(), w.getWaivedBy(), w.getWaivedAt())).orElse(null),
                waivers.offered(t, CurrentUser.roles()), rechecks.queued(t.getNumber()));
    }
}
