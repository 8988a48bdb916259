package com.aftercare.change;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.common.ForbiddenException;
import com.aftercare.common.NotFoundException;
import com.aftercare.configitem.ApplyChangeToConfigItems;
import com.aftercare.configitem.ReadConfigItems;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;
import com.aftercare.ticket.CasesOnDevices;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Change requests as people read them (RP-5): staff every change; a customer's user only their unit's changes they
 * have been told of, without the provider's own notes (reason, decisions, tests, who asked).
 */
@Service
public class ReadChanges {

    static final int MAX_LISTED = 200;

    @Schema(name = "ChangeDevice")
    public record DeviceRef(long id, String name) {
    }

    /** Another change of the same unit whose window overlaps this one's (staff, on one change's page). */
    @Schema(name = "ChangeClash")
    public record Clash(long id, String number, String title, ChangeStatus status, Instant plannedStart, Instant plannedEnd) {
    }

    /** What the caller may do next; the server checks again when they do. */
    @Schema(name = "ChangeActions")
    public record Actions(boolean decide, boolean test, boolean reschedule, boolean cancel, boolean recordOutcome,
            boolean confirm, boolean markCausedFault) {
    }

    /** A fault a supervisor judged caused by the change: the case, and who judged it when, with their note. */
    @Schema(name = "CausedFault")
    public record CausedFault(long id, String number, String title, com.aftercare.ticket.TicketStatus status,
            Instant reportedAt, String deviceName, String note, String markedBy, String markedByName, Instant markedAt) {
    }

    /**
     * The customer's sign-off: confirmedByName, the customer's person; recordedBy, who entered it (onBehalf: staff
     * for the customer, e.g. after a phone call).
     */
    @Schema(name = "ChangeConfirmationView")
    public record ConfirmationView(boolean accepted, String opinion, String confirmedByName, Instant confirmedAt,
            String recordedBy, String recordedByName, boolean onBehalf) {
    }

    /** How long after its window a fault on a changed device is listed with the change. */
    static final java.time.Duration CASES_AFTER = java.time.Duration.ofDays(7);
    static final int MAX_CASES_AFTER = 20;

    @Schema(name = "ChangeView")
    public record ChangeView(long id, String number, long customerId, String customerName, Long siteId, String siteName,
            List<DeviceRef> devices, String title, String description, String reason, String impact, String fallback,
            boolean major, String testPlan, Instant plannedStart, Instant plannedEnd, String implementer,
            String implementerName, ChangeStatus status, String requestedBy, String requestedByName, Instant requestedAt,
            String decidedBy, Instant decidedAt, String decisionNote, String testedBy, Instant testedAt, Boolean testPassed,
            String testNote, Instant announcedAt, int timesRescheduled, String rescheduleNote, Instant cancelledAt, String cancelReason, ChangeOutcome outcome,
            String outcomeNote, String finishedBy, Instant finishedAt, boolean overrun, long leadHours, Actions actions,
            List<Clash> clashes, List<ReadConfigItems.ItemRef> configItems, List<ApplyChangeToConfigItems.Applied> itemChanges,
            List<CasesOnDevices.CaseRef> casesAfter, ConfirmationView confirmation, List<CausedFault> causedFaults,
            long causedFaultCount) {
    }

    /** Still to come or under way: what a window can clash with. */
    static final java.util.Set<ChangeStatus> ACTIVE = java.util.EnumSet.of(ChangeStatus.SUBMITTED, ChangeStatus.TESTING,
            ChangeStatus.SCHEDULED, ChangeStatus.IN_PROGRESS);

    /** What waits for someone on the supervisor board: approvals, tests, windows ended with no outcome. */
    @Schema(name = "ChangeCounts")
    public record Counts(long awaitingApproval, long awaitingTest, long overrun, long awaitingSignOff) {
    }

    /**
     * How long after its outcome a change may wait for the customer's sign-off before the board shows it: three days
     * cover a weekend and a call back (ADR 0109).
     */
    static final java.time.Duration SIGN_OFF_REMINDER = java.time.Duration.ofDays(3);

    private final ChangeRequestRepository changes;
    private final AssetService assets;
    private final PersonNames names;
    private final ReadConfigItems items;
    private final CasesOnDevices cases;
    private final AccountService accounts;
    private final ChangeCausedCaseRepository caused;
    private final Clock clock;

    ReadChanges(ChangeRequestRepository changes, AssetService assets, PersonNames names, ReadConfigItems items,
            CasesOnDevices cases, AccountService accounts, ChangeCausedCaseRepository caused, Clock clock) {
        this.caused = caused;
        this.items = items;
        this.cases = cases;
        this.accounts = accounts;
        this.changes = changes;
        this.assets = assets;
        this.names = names;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ChangeView> list(ChangeStatus status) {
        ChangeActor actor = ChangeActor.current();
        PageRequest page = PageRequest.of(0, MAX_LISTED);
        if (CurrentUser.isCustomer()) {
            Long customerId = CurrentUser.customerId();
            return customerId == null ? List.of() : views(changes.announcedTo(customerId, status, page), actor);
        }
        actor.require(ChangeActor.STAFF, "read change requests");
        return views(changes.list(status, page), actor);
    }

    /**
     * Finished changes the customer has not signed off for {@link #SIGN_OFF_REMINDER} after their outcome, oldest
     * outcome first: whom the desk should call. Staff only.
     */
    @Transactional(readOnly = true)
    public List<ChangeView> awaitingSignOff() {
        ChangeActor actor = ChangeActor.current();
        actor.require(ChangeActor.STAFF, "read change requests");
        return views(changes.unconfirmedFinishedBefore(clock.instant().minus(SIGN_OFF_REMINDER), PageRequest.of(0, MAX_LISTED)), actor);
    }

    /** A page of changes with their caused-fault counts in one query. */
    private List<ChangeView> views(List<ChangeRequest> page, ChangeActor actor) {
        Map<Long, Long> counts = CurrentUser.isCustomer() ? Map.of() : causedCounts(page.stream().map(ChangeRequest::getId).toList());
        return page.stream().map(c -> view(c, actor, counts.getOrDefault(c.getId(), 0L))).toList();
    }

    private Map<Long, Long> causedCounts(List<Long> changeIds) {
        if (changeIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : caused.countByChange(changeIds)) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A calendar's range: two months at most, so a month view with the days around it fits. */
    static final java.time.Duration MAX_RANGE = java.time.Duration.ofDays(62);
    /** A calendar range's changes: enough for a busy month across every unit. */
    static final int MAX_IN_RANGE = 500;

    /**
     * The changes whose window overlaps [from, to), earliest window first, every status: the change calendar (变更日历)
     * across units, where two outages of one unit at once show before they are approved. A customer's user gets their
     * unit's announced ones.
     */
    @Transactional(readOnly = true)
    public List<ChangeView> inRange(Instant from, Instant to, ChangeStatus status) {
        List<com.aftercare.common.BadRequestException.FieldError> errors = new java.util.ArrayList<>();
        if (from == null || to == null) {
            errors.add(new com.aftercare.common.BadRequestException.FieldError(from == null ? "from" : "to",
                    "is required with " + (from == null ? "to" : "from")));
        } else if (!to.isAfter(from)) {
            errors.add(new com.aftercare.common.BadRequestException.FieldError("to", "must be after from"));
        } else if (java.time.Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            errors.add(new com.aftercare.common.BadRequestException.FieldError("to", "at most " + MAX_RANGE.toDays() + " days after from"));
        }
        ChangeRules.throwIfAny(errors);
        ChangeActor actor = ChangeActor.current();
        PageRequest page = PageRequest.of(0, MAX_IN_RANGE);
        Long customerId = null;
        if (CurrentUser.isCustomer()) {
            customerId = CurrentUser.customerId();
            if (customerId == null) {
                return List.of();
            }
        } else {
            actor.require(ChangeActor.STAFF, "read change requests");
        }
        return views(changes.overlappingRange(from, to, status, customerId, page), actor);
    }

    /** Counted in the database, not from the list: the board asks every minute. Staff only. */
    @Transactional(readOnly = true)
    public Counts counts() {
        ChangeActor.current().require(ChangeActor.STAFF, "read change requests");
        return new Counts(changes.countByStatus(ChangeStatus.SUBMITTED), changes.countByStatus(ChangeStatus.TESTING),
                changes.countOverrun(clock.instant()), changes.countUnconfirmedFinishedBefore(clock.instant().minus(SIGN_OFF_REMINDER)));
    }

    /** One change; for staff with the unit's other active changes whose windows overlap it (two outages at once). */
    @Transactional(readOnly = true)
    public ChangeView one(long id) {
        ChangeRequest change = visible(id);
        ChangeView view = view(change, ChangeActor.current());
        boolean customer = CurrentUser.isCustomer();
        List<Clash> clashes = customer || !ACTIVE.contains(change.getStatus()) ? null
                : changes.overlapping(change.getCustomerId(), change.getId(), change.getPlannedStart(),
                        change.getPlannedEnd(), ACTIVE, PageRequest.of(0, 20)).stream()
                        .map(o -> new Clash(o.getId(), o.number(), o.getTitle(), o.getStatus(), o.getPlannedStart(),
                                o.getPlannedEnd()))
                        .toList();
        // faults on its devices from the window's start to a week after its end: staff judge whether the change caused them
        boolean started = change.getStatus() == ChangeStatus.IN_PROGRESS || change.getStatus() == ChangeStatus.DONE;
        List<CasesOnDevices.CaseRef> after = customer || !started ? List.of()
                : cases.faultsReported(change.deviceIdList(), change.getPlannedStart(),
                        change.getPlannedEnd().plus(CASES_AFTER), MAX_CASES_AFTER);
        return withDetails(view, clashes, items.refs(change.configItemIdList()), items.appliedBy(change.getId()), after,
                customer ? null : causedFaults(change.getId()));
    }

    private List<CausedFault> causedFaults(long changeId) {
        List<ChangeCausedCase> marks = caused.findByChangeIdOrderByIdAsc(changeId);
        Map<Long, CasesOnDevices.CaseRef> refs = cases.refs(marks.stream().map(ChangeCausedCase::getTicketId).toList());
        return marks.stream().filter(m -> refs.containsKey(m.getTicketId())).map(m -> {
            CasesOnDevices.CaseRef t = refs.get(m.getTicketId());
            return new CausedFault(t.id(), t.number(), t.title(), t.status(), t.reportedAt(), t.deviceName(), m.getNote(),
                    m.getMarkedBy(), names.of(m.getMarkedBy()), m.getMarkedAt());
        }).toList();
    }

    private static ChangeView withDetails(ChangeView v, List<Clash> clashes, List<ReadConfigItems.ItemRef> configItems,
            List<ApplyChangeToConfigItems.Applied> itemChanges, List<CasesOnDevices.CaseRef> casesAfter,
            List<CausedFault> causedFaults) {
        return new ChangeView(v.id(), v.number(), v.customerId(), v.customerName(), v.siteId(), v.siteName(), v.devices(), v.title(),
                v.description(), v.reason(), v.impact(), v.fallback(), v.major(), v.testPlan(), v.plannedStart(), v.plannedEnd(),
                v.implementer(), v.implementerName(), v.status(), v.requestedBy(), v.requestedByName(), v.requestedAt(),
                v.decidedBy(), v.decidedAt(), v.decisionNote(), v.testedBy(), v.testedAt(), v.testPassed(), v.testNote(),
                v.announcedAt(), v.timesRescheduled(), v.rescheduleNote(), v.cancelledAt(), v.cancelReason(), v.outcome(),
                v.outcomeNote(), v.finishedBy(), v.finishedAt(), v.overrun(), v.leadHours(), v.actions(), clashes, configItems,
                itemChanges, casesAfter, v.confirmation(), causedFaults, causedFaults == null ? v.causedFaultCount() : causedFaults.size());
    }

    /** The change if the caller may read it; "not found" for a customer's user looking at what is not theirs to see. */
    ChangeRequest visible(long id) {
        ChangeRequest change = changes.findById(id).orElseThrow(() -> new NotFoundException("No change request " + id));
        if (CurrentUser.isCustomer()) {
            Long own = CurrentUser.customerId();
            if (own == null || own != change.getCustomerId() || change.getAnnouncedAt() == null) {
                throw new NotFoundException("No change request " + id);
            }
        } else if (!ChangeActor.current().has(ChangeActor.STAFF)) {
            throw new ForbiddenException("Your role may not read change requests");
        }
        return change;
    }

    ChangeView view(ChangeRequest c, ChangeActor actor) {
        return view(c, actor, CurrentUser.isCustomer() ? 0 : causedCounts(List.of(c.getId())).getOrDefault(c.getId(), 0L));
    }

    private ChangeView view(ChangeRequest c, ChangeActor actor, long causedFaultCount) {
        boolean customer = CurrentUser.isCustomer();
        Map<Long, Device> devices = assets.devicesById(c.deviceIdList());
        List<DeviceRef> refs = c.deviceIdList().stream().filter(devices::containsKey)
                .map(id -> new DeviceRef(id, devices.get(id).getName())).toList();
        String siteName = c.getSiteId() == null ? null
                : devices.values().stream().map(Device::getSite).filter(s -> s.getId().equals(c.getSiteId())).findFirst()
                        .map(s -> s.getName()).orElseGet(() -> assets.visibleSite(c.getSiteId()).getName());
        boolean overrun = !customer && c.getStatus() == ChangeStatus.IN_PROGRESS && clock.instant().isAfter(c.getPlannedEnd());
        Actions actions = actions(c, actor, customer, clock.instant());
        // a customer's user reads what they were told (what, where, when, impact, fallback, who carries it out) and how it
        // ended; the provider's own reasoning, decisions, tests and moves before the notice are not theirs
        return new ChangeView(c.getId(), c.number(), c.getCustomerId(), assets.customerName(c.getCustomerId()), c.getSiteId(),
                siteName, refs, c.getTitle(), c.getDescription(), customer ? null : c.getReason(), c.getImpact(), c.getFallback(),
                c.isMajor(), customer ? null : c.getTestPlan(), c.getPlannedStart(), c.getPlannedEnd(), c.getImplementer(),
                names.of(c.getImplementer()), c.getStatus(), customer ? null : c.getRequestedBy(),
                customer ? null : names.of(c.getRequestedBy()), c.getRequestedAt(), customer ? null : c.getDecidedBy(),
                customer ? null : c.getDecidedAt(), customer ? null : c.getDecisionNote(), customer ? null : c.getTestedBy(),
                customer ? null : c.getTestedAt(), customer ? null : c.getTestPassed(), customer ? null : c.getTestNote(),
                c.getAnnouncedAt(), customer ? 0 : c.getTimesRescheduled(), customer ? null : c.getRescheduleNote(),
                c.getCancelledAt(), c.getCancelReason(), c.getOutcome(), c.getOutcomeNote(), customer ? null : c.getFinishedBy(),
                c.getFinishedAt(), overrun, ChangeRules.notice(c.isMajor()).toHours(), actions, null, List.of(), List.of(),
                List.of(), confirmation(c), null, causedFaultCount);
    }

    private ConfirmationView confirmation(ChangeRequest c) {
        if (c.getConfirmedAt() == null) {
            return null;
        }
        String recordedBy = c.getConfirmationRecordedBy();
        boolean onBehalf = accounts.find(recordedBy).map(u -> u.getCustomerId() == null).orElse(true);
        return new ConfirmationView(Boolean.TRUE.equals(c.getConfirmedAccepted()), c.getConfirmedOpinion(),
                c.getConfirmedByName(), c.getConfirmedAt(), recordedBy, names.of(recordedBy), onBehalf);
    }

    private static Actions actions(ChangeRequest c, ChangeActor actor, boolean customer, java.time.Instant now) {
        // the sign-off: a finished change not yet confirmed, by the unit's own user or the desk/supervisor for them
        boolean confirm = c.getOutcome() != null && c.getConfirmedAt() == null && (customer || actor.has(ConfirmChange.RECORDERS));
        if (customer) {
            return new Actions(false, false, false, false, false, confirm, false);
        }
        ChangeStatus s = c.getStatus();
        boolean decide = s == ChangeStatus.SUBMITTED && actor.isSupervisor() && !actor.username().equals(c.getRequestedBy());
        boolean test = s == ChangeStatus.TESTING && actor.has(ChangeActor.TESTERS);
        boolean move = c.movable(now) && actor.ownsOrSupervises(c);
        boolean outcome = s == ChangeStatus.IN_PROGRESS
                && (actor.isSupervisor() || (actor.username().equals(c.getImplementer()) && actor.has(ChangeActor.IMPLEMENTERS)));
        // judging a fault caused by the change: a supervisor's call, once the change has touched the system
        boolean markCaused = (s == ChangeStatus.IN_PROGRESS || s == ChangeStatus.DONE) && actor.isSupervisor();
        return new Actions(decide, test, move, move, outcome, confirm, markCaused);
    }
}
