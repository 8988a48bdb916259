package com.aftercare.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.common.ConflictException;
import com.aftercare.common.UnprocessableException;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ClockTicket;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.sla.Assignment;

/**
 * The ticket record and its timeline. Creating a ticket starts its fault-intake process in the
 * same transaction; the process steps call back in here to move the record along.
 */
@Service
public class TicketService {

    public static final String PROCESS_KEY = "faultIntake";
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TicketRepository tickets;
    private final TicketEventRepository events;
    private final AssetService assets;
    /** How far back a report may be dated: a call typed in late, not a backfill of history. */
    static final java.time.Duration MAX_RECEIVED_AGO = java.time.Duration.ofDays(7);

    private final PolicyCatalog policyCatalog;
    private final ContractBook contractBook;
    private final ClockEvaluation clockEvaluation;
    private final RecordMilestone recordMilestone;
    private final RuntimeService runtimeService;
    private final TicketActions actions;
    private final Clock clock;

    TicketService(TicketRepository tickets, TicketEventRepository events, AssetService assets, PolicyCatalog policyCatalog,
            ContractBook contractBook, ClockEvaluation clockEvaluation, RecordMilestone recordMilestone,
            RuntimeService runtimeService, TicketActions actions, Clock clock) {
        this.tickets = tickets;
        this.events = events;
        this.assets = assets;
        this.policyCatalog = policyCatalog;
        this.contractBook = contractBook;
        this.clockEvaluation = clockEvaluation;
        this.recordMilestone = recordMilestone;
        this.runtimeService = runtimeService;
        this.actions = actions;
        this.clock = clock;
    }

    public record Created(Ticket ticket, boolean isNew) {
    }

    /**
     * Records a fault report and starts its process. A repeated request with the same idempotency
     * key (a monitoring system retrying) returns the first ticket instead of opening a second one;
     * the same key with another report or from another caller is refused (see {@link #replay}).
     */
    @Transactional
    public Created create(NewTicket request, String idempotencyKey) {
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new BadRequestException("Idempotency-Key", "must be 1 to 100 characters");
            }
            Optional<Ticket> earlier = replay(idempotencyKey, request);
            if (earlier.isPresent()) {
                return new Created(earlier.get(), false);
            }
        }
        if (CurrentUser.isCustomer()) {
            checkCustomerReport(request);
        }
        Site site = assets.requireSite(request.siteId(), "siteId");
        Device device = null;
        if (request.deviceId() != null) {
            device = assets.requireDevice(request.deviceId(), "deviceId");
            if (!device.getSite().getId().equals(site.getId())) {
                throw new BadRequestException("deviceId", "device " + device.getId() + " is not at site " + site.getId());
            }
        }
        Instant now = clock.instant();
        if (request.receivedAt() != null) {
            if (request.receivedAt().isAfter(now.plusSeconds(60))) {
                throw new BadRequestException("receivedAt", "must not be in the future");
            }
            if (request.receivedAt().isBefore(now.minus(MAX_RECEIVED_AGO))) {
                throw new BadRequestException("receivedAt", "must be within the last 7 days");
            }
        }
        Assignment assignment = contractBook.assignmentFor(site.getCustomer().getId());
        Ticket fresh = new Ticket(request, site, device, idempotencyKey, now, assignment.contractId(),
                assignment.policyId(), assignment.terms());
        if (idempotencyKey != null) {
            fresh.rememberRequest(ReportFingerprint.of(CurrentUser.username(), request));
        }
        Ticket ticket = tickets.save(fresh);
        ticket.assignNumber(now.atZone(clock.getZone()).getYear());
        tickets.flush();
        append(ticket.getId(), "CREATED", "Ticket " + ticket.getNumber() + " recorded from " + request.channel()
                + ": " + ticket.getTitle() + (request.receivedAt() == null ? "" : "; received " + local(ticket.getReceivedAt())));
        recordMilestone.record(ticket.getId(), MilestoneKind.RECEIVED, ticket.getReceivedAt(),
                "policy " + assignment.policyCode() + ", via " + request.channel());

        Map<String, Object> variables = new HashMap<>();
        variables.put("ticketId", ticket.getId());
        variables.put("impact", request.impact().name());
        variables.put("urgency", request.urgency().name());
        variables.put("category", request.category().name());
        variables.put("levelDecision", assignment.levelDecision());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, ticket.getNumber(), variables);
        ticket.startedProcess(instance.getId());
        return new Created(ticket, true);
    }

    /**
     * The ticket an earlier request with this key opened, if this request is a retry of it. The key is
     * bound to the caller and the report (IETF Idempotency-Key draft): reused for anything else it is a
     * client error, never a way to read someone else's ticket. Tickets from before fingerprints were
     * kept (null) replay for any request with their key, as they always did.
     */
    @Transactional(readOnly = true)
    public Optional<Ticket> replay(String idempotencyKey, NewTicket request) {
        Optional<Ticket> earlier = tickets.findByIdempotencyKey(idempotencyKey);
        if (earlier.isEmpty()) {
            return earlier;
        }
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && !scope.equals(earlier.get().getSite().getCustomer().getId())) {
            // never hand another unit's ticket back, not even its number
            throw new BadRequestException("Idempotency-Key", "already used; send a new key");
        }
        String fingerprint = earlier.get().getIdempotencyFingerprint();
        if (fingerprint != null && !fingerprint.equals(ReportFingerprint.of(CurrentUser.username(), request))) {
            throw new UnprocessableException("Idempotency-Key",
                    "already used for a different report or by another caller; send a new key for a new report");
        }
        return earlier;
    }

    @Transactional(readOnly = true)
    public Ticket get(Long id) {
        return tickets.findWithSiteAndDevice(id).orElseThrow(() -> new NotFoundException("No ticket " + id));
    }

    /** A customer's user reports for their own unit's sites, through the web, as the call happens. */
    private void checkCustomerReport(NewTicket request) {
        Long customerId = CurrentUser.customerId();
        Site site = assets.requireSite(request.siteId(), "siteId");
        if (!customerId.equals(site.getCustomer().getId())) {
            throw new BadRequestException("siteId", "unknown site " + request.siteId());
        }
        if (request.channel() != Channel.WEB) {
            throw new BadRequestException("channel", "a customer reports through the web (WEB)");
        }
        if (request.receivedAt() != null) {
            throw new BadRequestException("receivedAt", "only the service desk records when a call was taken");
        }
    }

    /**
     * A ticket the signed-in user may see: any for staff; for a customer's user only their own unit's,
     * and another unit's ticket is "not found" (its existence is not confirmed).
     */
    @Transactional(readOnly = true)
    public Ticket getVisible(Long id) {
        Ticket ticket = get(id);
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && !scope.equals(ticket.getSite().getCustomer().getId())) {
            throw new NotFoundException("No ticket " + id);
        }
        return ticket;
    }

    /** Tickets by filter; a customer's user finds only their own unit's. */
    @Transactional(readOnly = true)
    public Page<Ticket> search(TicketStatus status, Long siteId, String assignee, boolean overdue, Pageable page) {
        return tickets.search(CurrentUser.scopeCustomerId(), status, siteId, assignee, overdue, clock.instant(), page);
    }

    /**
     * Tickets recorded before SLA policies existed get their customer's policy now, with receipt and level
     * as milestones, so their clocks can be derived like any other. Runs once at start-up; idempotent.
     */
    @Transactional
    public int adoptTicketsWithoutPolicy() {
        List<Ticket> legacy = tickets.findWithoutPolicy();
        for (Ticket t : legacy) {
            Assignment assignment = contractBook.assignmentFor(t.getSite().getCustomer().getId());
            t.applyPolicy(assignment.policyId());
            if (clockEvaluation.milestones(t.getId()).isEmpty()) {
                recordMilestone.record(t.getId(), MilestoneKind.RECEIVED, t.getReceivedAt() == null ? t.getCreatedAt() : t.getReceivedAt(),
                        "policy " + assignment.policyCode() + " (ticket from before SLA policies)");
                if (t.getLevel() != null) {
                    recordMilestone.record(t.getId(), MilestoneKind.LEVEL, t.getCreatedAt(), "level " + t.getLevel());
                }
            }
            append(t.getId(), "POLICY", "SLA policy " + assignment.policyCode() + " applied to a ticket from before SLA policies");
        }
        return legacy.size();
    }

    /** Every open ticket with its site, for the supervisor board. */
    @Transactional(readOnly = true)
    public List<Ticket> openTickets() {
        return tickets.findOpenWithSite();
    }

    @Transactional(readOnly = true)
    public List<TicketEvent> timeline(Long ticketId) {
        return events.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    // ---- called by process steps (same transaction as the engine) ----

    /** The level the contract's decision table chose; an unknown code falls back to the scheme's mildest level. */
    @Transactional
    public Ticket applyLevel(Long ticketId, String decided) {
        Ticket t = load(ticketId);
        PolicyDefinition policy = policyCatalog.definition(t.getPolicyId());
        String level = decided;
        if (decided == null || policy.level(decided).isEmpty()) {
            level = policy.levels().get(policy.levels().size() - 1).code();
            append(ticketId, "LEVEL", "The level decision gave \"" + decided + "\", not a level of this contract; using "
                    + level + " until the desk corrects it");
        }
        t.applyLevel(level);
        append(ticketId, "LEVEL", "Level " + level + " (" + policy.level(level).get().name() + ") from impact " + t.getImpact()
                + " x urgency " + t.getUrgency());
        recordMilestone.record(ticketId, MilestoneKind.LEVEL, "level " + level);
        return t;
    }

    /** The desk or a supervisor corrects the level; clocks are recomputed from receipt with paused time kept. */
    @Transactional
    public Ticket changeLevel(Long ticketId, String level, String reason) {
        Ticket t = loadFor(TicketAction.CHANGE_LEVEL, ticketId);
        if (level == null || level.isBlank()) {
            throw new BadRequestException("level", "is required");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new BadRequestException("reason", "say why the level changes (1 to 500 characters)");
        }
        PolicyDefinition policy = policyCatalog.definition(t.getPolicyId());
        if (policy.level(level).isEmpty()) {
            throw new BadRequestException("level", "not a level of this contract's scheme; one of "
                    + policy.levels().stream().map(PolicyDefinition.LevelSpec::code).toList());
        }
        if (level.equals(t.getLevel())) {
            throw new ConflictException("The ticket is already level " + level);
        }
        String previous = t.getLevel();
        t.applyLevel(level);
        t.touch(clock.instant());
        append(ticketId, "LEVEL", "Level changed " + previous + " -> " + level + ": " + reason.trim());
        recordMilestone.record(ticketId, MilestoneKind.LEVEL, "level " + previous + " -> " + level + ": " + reason.trim());
        return t;
    }

    /** Moves an open ticket onto the current version of its policy (a process owner's "apply to open tickets"). */
    @Transactional
    public boolean applyPolicyVersion(Long ticketId, Long policyId, String description) {
        Ticket t = load(ticketId);
        if (t.getStatus() == TicketStatus.CLOSED || policyId.equals(t.getPolicyId())
                || t.getLevel() != null && policyCatalog.definition(policyId).level(t.getLevel()).isEmpty()) {
            return false;
        }
        t.applyPolicy(policyId);
        append(ticketId, "POLICY", "SLA policy changed to " + description + "; clocks recalculated");
        recordMilestone.record(ticketId, MilestoneKind.POLICY, description);
        return true;
    }

    @Transactional(readOnly = true)
    public List<Long> openTicketsOnPolicy(java.util.Collection<Long> policyIds) {
        return tickets.findOpenIdsByPolicyIdIn(policyIds);
    }

    @Transactional
    public void changeStatus(Long ticketId, TicketStatus status) {
        Ticket t = load(ticketId);
        if (t.getStatus() != status) {
            boolean pausedBefore = paused(t);
            t.changeStatus(status);
            t.touch(clock.instant());
            pauseOrResume(t, pausedBefore, "status " + status);
            if (status == TicketStatus.DISPATCHED) {
                recordMilestone.record(ticketId, MilestoneKind.DISPATCHED, t.getAssignee() == null ? "offered to all engineers"
                        : "to " + t.getAssignee());
            }
        }
    }

    /** A task handed to another engineer is a re-dispatch (IN-7). */
    @Transactional
    public void redispatched(Long ticketId, String engineer) {
        load(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.DISPATCHED, "re-dispatched to " + engineer);
    }

    /** Clocks pause while the case waits on someone else (the policy lists which states count). */
    private boolean paused(Ticket t) {
        return clockEvaluation.pauses(t.getPolicyId(), t.getHoldReason()) || clockEvaluation.pauses(t.getPolicyId(), t.getStatus().name());
    }

    private void pauseOrResume(Ticket t, boolean pausedBefore, String why) {
        boolean pausedNow = paused(t);
        if (pausedNow && !pausedBefore) {
            String reason = clockEvaluation.pauses(t.getPolicyId(), t.getHoldReason()) ? t.getHoldReason() : t.getStatus().name();
            recordMilestone.record(t.getId(), MilestoneKind.PAUSED, reason);
            append(t.getId(), "CLOCKS_PAUSED", "SLA clocks paused: " + reason);
        } else if (!pausedNow && pausedBefore) {
            recordMilestone.record(t.getId(), MilestoneKind.RESUMED, why);
            append(t.getId(), "CLOCKS_RESUMED", "SLA clocks resumed (" + why + ")");
        }
    }

    public static final java.util.Set<String> HOLD_REASONS = java.util.Set.of("WAITING_CUSTOMER", "WAITING_PARTS");

    /** Puts the case on hold: waiting for the customer or for parts. */
    @Transactional
    public Ticket hold(Long ticketId, String reason, String note) {
        Ticket t = loadFor(TicketAction.HOLD, ticketId);
        if (reason == null || !HOLD_REASONS.contains(reason)) {
            throw new BadRequestException("reason", "one of " + new java.util.TreeSet<>(HOLD_REASONS));
        }
        if (note != null && note.length() > 1000) {
            throw new BadRequestException("note", "at most 1000 characters");
        }
        if (reason.equals(t.getHoldReason())) {
            throw new ConflictException("The ticket is already on hold: " + reason);
        }
        boolean pausedBefore = paused(t);
        t.hold(reason);
        t.touch(clock.instant());
        append(ticketId, "ON_HOLD", "On hold: " + reason + (note == null || note.isBlank() ? "" : " - " + note.trim()));
        pauseOrResume(t, pausedBefore, "hold " + reason);
        return t;
    }

    @Transactional
    public Ticket releaseHold(Long ticketId) {
        Ticket t = loadFor(TicketAction.RESUME, ticketId);
        boolean pausedBefore = paused(t);
        String was = t.getHoldReason();
        t.hold(null);
        t.touch(clock.instant());
        append(ticketId, "HOLD_RELEASED", "No longer waiting (" + was + ")");
        pauseOrResume(t, pausedBefore, "hold released");
        return t;
    }

    /** The engineer checks in on site (SLA-2/3/5 on-site clocks). Only the first arrival counts. */
    @Transactional
    public void arrivedOnSite(Long ticketId, String engineer) {
        Ticket t = loadFor(TicketAction.ARRIVE_ON_SITE, ticketId);
        t.touch(clock.instant());
        append(ticketId, "ON_SITE", engineer + " arrived on site at " + t.getSite().getName());
        recordMilestone.record(ticketId, MilestoneKind.ON_SITE, engineer);
    }

    public static final java.util.Map<String, MilestoneKind> DELIVERABLES = java.util.Map.of(
            "SOLUTION_PLAN", MilestoneKind.SOLUTION_PLAN,
            "CONTINGENCY_PLAN", MilestoneKind.CONTINGENCY_PLAN,
            "FAULT_REPORT", MilestoneKind.FAULT_REPORT);

    /** A solution plan, contingency plan (SLA-6) or fault report (SLA-7) handed in; stops its clock. */
    @Transactional
    public void submitDeliverable(Long ticketId, String kind, String text) {
        Ticket t = load(ticketId);
        MilestoneKind milestone = kind == null ? null : DELIVERABLES.get(kind);
        if (milestone == null) {
            throw new BadRequestException("kind", "one of " + new java.util.TreeSet<>(DELIVERABLES.keySet()));
        }
        if (text == null || text.isBlank() || text.length() > 20000) {
            throw new BadRequestException("text", "must be 1 to 20000 characters");
        }
        actions.requireState(TicketAction.submitting(kind), t);
        t.touch(clock.instant());
        append(ticketId, kind, kind.replace('_', ' ').toLowerCase() + " submitted: " + text.trim());
        recordMilestone.record(ticketId, milestone, abbreviate(text.trim(), 500));
    }

    /** IN-8: the engineer reports an abnormal event; the project manager must take it up within the PM_REPORT clock. */
    @Transactional
    public void reportAbnormalEvent(Long ticketId, String description, boolean technical) {
        loadFor(TicketAction.REPORT_ABNORMAL_EVENT, ticketId);
        if (description == null || description.isBlank() || description.length() > 2000) {
            throw new BadRequestException("description", "must be 1 to 2000 characters");
        }
        append(ticketId, "ABNORMAL_EVENT", (technical ? "Technical abnormal event: " : "Abnormal event: ") + description.trim());
        recordMilestone.record(ticketId, MilestoneKind.ABNORMAL_REPORTED, (technical ? "technical: " : "") + abbreviate(description.trim(), 500));
    }

    @Transactional
    public void acknowledgeAbnormalEvent(Long ticketId) {
        loadFor(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT, ticketId);
        append(ticketId, "ABNORMAL_ACKNOWLEDGED", "Abnormal event taken up by " + CurrentUser.username());
        recordMilestone.record(ticketId, MilestoneKind.ABNORMAL_ACKNOWLEDGED, CurrentUser.username());
    }

    /** IN-7: the engineer reports a delay or cannot go; the desk must re-dispatch within the REDISPATCH clock. */
    @Transactional
    public void reportDelay(Long ticketId, String reason) {
        loadFor(TicketAction.REPORT_DELAY, ticketId);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BadRequestException("reason", "must be 1 to 1000 characters");
        }
        append(ticketId, "DELAY_REPORTED", "Delay reported: " + reason.trim());
        recordMilestone.record(ticketId, MilestoneKind.DELAY_REPORTED, abbreviate(reason.trim(), 500));
    }

    /** Called by the dispatch model when an engineer declines: a delay the desk must answer with a re-dispatch. */
    @Transactional
    public void declined(Long ticketId, String engineer, String reason) {
        load(ticketId);
        recordMilestone.record(ticketId, MilestoneKind.DELAY_REPORTED, (engineer == null ? "declined" : engineer + " declined")
                + (reason == null || reason.isBlank() ? "" : ": " + abbreviate(reason.trim(), 400)));
    }

    public ClockTicket clockTicket(Ticket t) {
        return clockTicketOf(t);
    }

    static ClockTicket clockTicketOf(Ticket t) {
        return new ClockTicket(t.getId(), t.getPolicyId(), t.getContractId(), t.getLevel(), t.getSite().getRegion(),
                t.getStatus() == TicketStatus.CLOSED, t.terms());
    }

    @Transactional(readOnly = true)
    public ClockTicket clockTicket(Long ticketId) {
        return clockTicket(tickets.findWithSiteAndDevice(ticketId).orElseThrow(() -> new NotFoundException("No ticket " + ticketId)));
    }

    /** Keeps the list columns (due times, escalation rung) in step with what the clock engine derived. */
    @Transactional
    public void cacheClocks(Long ticketId, List<ClockStatus> clocks) {
        Ticket t = load(ticketId);
        Instant responseDue = clocks.stream().filter(c -> c.clock() == ClockName.RESPONSE && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        Instant resolutionDue = clocks.stream().filter(c -> c.clock() == ClockName.RESOLUTION && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        int level = clocks.stream().mapToInt(ClockStatus::escalationLevel).max().orElse(0);
        t.cacheClocks(responseDue, resolutionDue, level);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The ticket, if it allows this action now (409 otherwise): the same rule the case file lists actions by. */
    private Ticket loadFor(TicketAction action, Long ticketId) {
        Ticket t = tickets.findWithSiteAndDevice(ticketId).orElseThrow(() -> new NotFoundException("No ticket " + ticketId));
        actions.requireState(action, t);
        return t;
    }

    @Transactional
    public void assign(Long ticketId, String engineer) {
        Ticket t = load(ticketId);
        if (engineer != null && !engineer.equals(t.getAssignee())) {
            t.assignTo(engineer);
            append(ticketId, "ASSIGNED", "Assigned to " + engineer);
        }
    }

    @Transactional
    public void recordTaskCompleted(Long ticketId, String taskName, Map<String, Object> formValues) {
        Ticket t = load(ticketId);
        formValues.forEach(t::recordFormValue);
        t.touch(clock.instant());
        StringBuilder message = new StringBuilder("Completed \"").append(taskName).append('"');
        formValues.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                message.append("; ").append(k).append(": ").append(v);
            }
        });
        append(ticketId, "TASK_COMPLETED", message.toString());
    }

    @Transactional
    public void markResponded(Long ticketId) {
        Ticket t = load(ticketId);
        Instant now = clock.instant();
        if (t.getRespondedAt() == null) {
            t.markResponded(now);
            recordMilestone.record(ticketId, MilestoneKind.RESPONDED, CurrentUser.username());
            append(ticketId, "RESPONDED", t.getResponseDue() != null && now.isAfter(t.getResponseDue())
                    ? "Response recorded after the deadline " + local(t.getResponseDue())
                    : "Response recorded within the deadline");
        }
    }

    @Transactional
    public void markResolved(Long ticketId, String how) {
        Ticket t = load(ticketId);
        Instant now = clock.instant();
        t.markResolved(now);
        recordMilestone.record(ticketId, MilestoneKind.RESOLVED, how);
        append(ticketId, "RESOLVED", how + (t.getResolutionDue() != null && now.isAfter(t.getResolutionDue())
                ? " (after the resolution deadline)" : " (within the resolution deadline)"));
    }

    @Transactional
    public void reopen(Long ticketId) {
        Ticket t = load(ticketId);
        t.reopen();
        t.touch(clock.instant());
        recordMilestone.record(ticketId, MilestoneKind.REOPENED, "customer reports not fixed");
        append(ticketId, "REOPENED", "Customer reports the fault is not fixed; back to dispatch");
    }

    @Transactional
    public void close(Long ticketId) {
        Ticket t = load(ticketId);
        boolean pausedBefore = paused(t);
        t.hold(null);
        t.close(clock.instant());
        recordMilestone.record(ticketId, MilestoneKind.CLOSED, "customer confirmed");
        if (pausedBefore) {
            recordMilestone.record(ticketId, MilestoneKind.RESUMED, "closed");
        }
        append(ticketId, "CLOSED", "Closed after the customer confirmed the fix");
    }

    @Transactional
    public void note(Long ticketId, String type, String message) {
        append(ticketId, type, message);
    }

    /** Times in timeline lines are read by people: local time of the service zone, to the minute. */
    private String local(Instant instant) {
        return MINUTES.withZone(clock.getZone()).format(instant);
    }

    private Ticket load(Long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("No ticket " + ticketId));
    }

    private void append(Long ticketId, String type, String message) {
        events.save(new TicketEvent(ticketId, clock.instant(), CurrentUser.username(), type, message));
    }
}
