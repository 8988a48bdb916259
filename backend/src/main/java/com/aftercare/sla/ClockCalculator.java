package com.aftercare.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.aftercare.asset.Region;
import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.sla.ClockStatus.HistoryEntry;
import com.aftercare.sla.ClockStatus.PauseSpan;
import com.aftercare.sla.ClockStatus.Risk;
import com.aftercare.sla.PolicyDefinition.ClockSpec;
import com.aftercare.sla.PolicyDefinition.EscalationStep;

/**
 * Replays a ticket's milestones into the state of each clock at a given instant (the Zammad habit:
 * clocks are derived from history, never kept as counters that drift). A level change therefore
 * recomputes the clock from receipt with the paused time kept, and a reopened case resumes its clocks.
 * Pure: no database, no system clock.
 */
public final class ClockCalculator {

    /** A clock of these kinds starts again on each new start event (a new dispatch, a new delay). */
    private static final Set<ClockName> CYCLIC = EnumSet.of(ClockName.EXECUTION_CONFIRMED, ClockName.VENDOR_RETURN,
            ClockName.CONSULTATION_ANSWER, ClockName.COMPLAINT_REPLY, ClockName.SERVICE_FULFILMENT);

    private final PolicyDefinition policy;
    private final BusinessCalendar workingCalendar;

    public ClockCalculator(PolicyDefinition policy, BusinessCalendar workingCalendar) {
        this.policy = policy;
        this.workingCalendar = workingCalendar;
    }

    /** The subject of the clocks: what of the ticket matters besides its milestones. */
    public record Subject(String levelCode, Region region) {
    }

    public List<ClockStatus> clocks(Subject subject, List<Milestone> milestones, List<ClockLog> logs, Instant now) {
        List<Milestone> ordered = ordered(milestones);
        Map<ClockName, ClockSpec> specs = new java.util.EnumMap<>(ClockName.class);
        policy.clocksFor(subject.levelCode()).forEach(s -> specs.put(s.clock(), s));
        vendorReturn(ordered).ifPresent(s -> specs.put(ClockName.VENDOR_RETURN, s));
        List<ClockStatus> result = new ArrayList<>();
        for (ClockName clock : policy.allClocks()) {
            List<ClockLog> own = logs.stream().filter(l -> l.getClock() == clock).toList();
            result.add(clock(clock, specs.get(clock), subject, ordered, own, now));
        }
        if (specs.containsKey(ClockName.VENDOR_RETURN)) {
            List<ClockLog> own = logs.stream().filter(l -> l.getClock() == ClockName.VENDOR_RETURN).toList();
            result.add(clock(ClockName.VENDOR_RETURN, specs.get(ClockName.VENDOR_RETURN), subject, ordered, own, now));
        }
        for (ClockName clock : ClockName.values()) {
            if (clock.isRequestClock()) {
                Optional<ClockSpec> spec = requestClock(clock, ordered);
                if (spec.isPresent()) {
                    List<ClockLog> own = logs.stream().filter(l -> l.getClock() == clock).toList();
                    result.add(clock(clock, spec.get(), subject, ordered, own, now));
                }
            }
        }
        return result;
    }

    /**
     * The vendor-return clock (RR-2) of a case with a repair slip: its target is the span from the (latest) sending to
     * the deadline the slip carries, in natural time, never paused; the policy's escalation ladder applies to it as
     * to every clock. Absent when the case never went to a vendor, so other cases show no empty clock.
     */
    private static Optional<ClockSpec> vendorReturn(List<Milestone> ordered) {
        Milestone sent = null;
        for (Milestone m : ordered) {
            if (m.getKind() == MilestoneKind.VENDOR_SENT && m.getDueAt() != null) {
                sent = m;
            }
        }
        if (sent == null) {
            return Optional.empty();
        }
        Duration target = Duration.between(sent.getOccurredAt(), sent.getDueAt());
        return Optional.of(new ClockSpec(ClockName.VENDOR_RETURN, target.isNegative() ? Duration.ZERO : target,
                null, TimeBasis.NATURAL, null, false));
    }

    /**
     * A request type's clock (ADR 0041): like the vendor return, its target is the span from the (latest) start to the
     * deadline that milestone carries, in natural time (the request feature already counted the contract's working
     * time), never paused. Absent when the case never started it.
     */
    private static Optional<ClockSpec> requestClock(ClockName clock, List<Milestone> ordered) {
        Milestone started = null;
        for (Milestone m : ordered) {
            if (startsRequestClock(clock, m) && m.getDueAt() != null) {
                started = m;
            }
        }
        if (started == null) {
            return Optional.empty();
        }
        Duration target = Duration.between(started.getOccurredAt(), started.getDueAt());
        return Optional.of(new ClockSpec(clock, target.isNegative() ? Duration.ZERO : target, null, TimeBasis.NATURAL, null,
                false));
    }

    private static boolean startsRequestClock(ClockName clock, Milestone m) {
        return m.getKind() == MilestoneKind.REQUEST_CLOCK_STARTED && clock.name().equals(m.getDetail());
    }

    /** The spec of one clock for this subject: the policy's, the vendor's deadline, or the request's. */
    private ClockSpec spec(ClockName clock, Subject subject, List<Milestone> ordered) {
        if (clock == ClockName.VENDOR_RETURN) {
            return vendorReturn(ordered).orElse(null);
        }
        if (clock.isRequestClock()) {
            return requestClock(clock, ordered).orElse(null);
        }
        return policy.clocksFor(subject.levelCode()).stream().filter(s -> s.clock() == clock).findFirst().orElse(null);
    }

    private ClockStatus clock(ClockName clock, ClockSpec spec, Subject subject, List<Milestone> milestones,
            List<ClockLog> logs, Instant now) {
        if (spec == null) {
            return new ClockStatus(clock, false, null, null, ClockState.NOT_STARTED, null, null, null, null, Duration.ZERO,
                    null, Risk.OK, 0, null, null, List.of(), List.of(), null, null);
        }
        TimeBasis basis = spec.basisOrDefault();
        BusinessCalendar calendar = calendarFor(spec);
        Duration target = target(spec, subject.region(), calendar);
        Run run = replay(clock, spec, milestones, now);
        Counter counter = new Counter(calendar, run.startedAt, run.excluded);

        if (run.startedAt == null) {
            return new ClockStatus(clock, true, basis, target, ClockState.NOT_STARTED, null, null, null, null, Duration.ZERO,
                    null, Risk.OK, 0, null, null, List.of(), run.history, null, null);
        }
        Instant dueAt = counter.instantAt(target);
        Instant end = run.stoppedAt != null ? run.stoppedAt : now;
        Duration paused = counter.excludedWithin(end);
        List<EscalationStep> ladder = policy.escalation();

        int level = 0;
        String levelName = null;
        Instant lastNotified = null;
        for (ClockLog log : logs) {
            if (log.getOccurredAt().isBefore(run.startedAt)) {
                continue; // an earlier cycle of a cyclic clock
            }
            if (log.getKind() == ClockLog.Kind.ESCALATED) {
                level = log.getLevel();
                levelName = log.getLevelName();
                lastNotified = log.getOccurredAt();
            } else if (log.getKind() == ClockLog.Kind.DEESCALATED) {
                level = 0;
                levelName = null;
                lastNotified = null;
            }
        }
        List<HistoryEntry> history = new ArrayList<>(run.history);
        for (ClockLog log : logs) {
            if (log.getKind() == ClockLog.Kind.ESCALATED || log.getKind() == ClockLog.Kind.DEESCALATED) {
                history.add(new HistoryEntry(log.getOccurredAt(), log.getKind().name(), log.getDetail()));
            }
        }
        history.sort(Comparator.comparing(HistoryEntry::at));

        if (run.stoppedAt != null) {
            Duration margin = target.minus(counter.countedUntil(run.stoppedAt));
            ClockState state = margin.isNegative() ? ClockState.MISSED : run.stopState;
            return new ClockStatus(clock, true, basis, target, state, run.startedAt, dueAt, run.stoppedAt, margin, paused, null,
                    Risk.OK, level, levelName, null, run.pauses, history, null, null);
        }
        Duration counted = counter.countedUntil(now);
        // no due time means a pause that never ends lies ahead; a board over every open case must still answer
        // (a clock moved back in time, or a pause recorded ahead of the reader's now), so it reads as paused
        boolean pausedNow = counter.isExcluded(now) || dueAt == null;
        Duration warnAt = ladder.isEmpty() || ladder.get(0).percent() >= 100 ? null : share(target, ladder.get(0).percent());
        Risk risk = counted.compareTo(target) > 0 ? Risk.OVERDUE
                : warnAt != null && counted.compareTo(warnAt) >= 0 ? Risk.AT_RISK : Risk.OK;
        Instant atRiskAt = warnAt == null ? null : counted.compareTo(warnAt) >= 0 ? run.startedAt : counter.instantAt(warnAt);
        if (pausedNow) {
            return new ClockStatus(clock, true, basis, target, ClockState.PAUSED, run.startedAt, null, null, null, paused,
                    target.minus(counted), risk, level, levelName, null, run.pauses, history, atRiskAt, dueAt);
        }
        ClockState state = now.isAfter(dueAt) ? ClockState.BREACHED : ClockState.RUNNING;
        if (state == ClockState.BREACHED) {
            risk = Risk.OVERDUE;
        }
        Instant next = null;
        if (level < ladder.size()) {
            next = counter.instantAt(share(target, ladder.get(level).percent()));
        }
        if (level >= 1 && ladder.get(Math.min(level, ladder.size()) - 1).repeat() != null && lastNotified != null) {
            Instant repeat = lastNotified.plus(ladder.get(Math.min(level, ladder.size()) - 1).repeat());
            next = next == null || repeat.isBefore(next) ? repeat : next;
        }
        return new ClockStatus(clock, true, basis, target, state, run.startedAt, dueAt, null, null, paused,
                Duration.between(now, dueAt), risk, level, levelName, next, run.pauses, history, atRiskAt, dueAt);
    }

    /** The rung of the ladder reached at {@code now} (1-based; 0 = none) and the instant it was reached. */
    public record Reached(int level, Instant at) {
    }

    /** Highest escalation rung whose share of the clock has elapsed by {@code now}. */
    public Reached reachedLevel(ClockName clock, Subject subject, List<Milestone> milestones, Instant now) {
        List<Reached> rungs = reachedRungs(clock, subject, milestones, now);
        return rungs.isEmpty() ? new Reached(0, null) : rungs.get(rungs.size() - 1);
    }

    /**
     * Every rung whose share of the clock has elapsed by {@code now}, lowest first, each with the instant
     * it was reached: a late run owes all of them, not only the highest.
     */
    public List<Reached> reachedRungs(ClockName clock, Subject subject, List<Milestone> milestones, Instant now) {
        List<Milestone> ordered = ordered(milestones);
        ClockSpec spec = spec(clock, subject, ordered);
        if (spec == null) {
            return List.of();
        }
        BusinessCalendar calendar = calendarFor(spec);
        Run run = replay(clock, spec, ordered, now);
        if (run.startedAt == null || run.stoppedAt != null) {
            return List.of();
        }
        Counter counter = new Counter(calendar, run.startedAt, run.excluded);
        Duration target = target(spec, subject.region(), calendar);
        List<Reached> reached = new ArrayList<>();
        for (int i = 0; i < policy.escalation().size(); i++) {
            Instant at = counter.instantAt(share(target, policy.escalation().get(i).percent()));
            if (at != null && !at.isAfter(now)) {
                reached.add(new Reached(i + 1, at));
            }
        }
        return reached;
    }

    /** Replay order: by time, then by recording order for facts of the same millisecond. */
    private static List<Milestone> ordered(List<Milestone> milestones) {
        return milestones.stream()
                .sorted(Comparator.comparing(Milestone::getOccurredAt).thenComparing(m -> m.getId() == null ? 0L : m.getId()))
                .toList();
    }

    private BusinessCalendar calendarFor(ClockSpec spec) {
        return spec.basisOrDefault() == TimeBasis.WORKING ? workingCalendar : BusinessCalendar.natural();
    }

    static Duration share(Duration target, int percent) {
        return Duration.ofMillis(target.toMillis() * percent / 100);
    }

    private static Duration target(ClockSpec spec, Region region, BusinessCalendar calendar) {
        if (spec.regionTargets() != null && region != null && spec.regionTargets().get(region) != null) {
            return spec.regionTargets().get(region);
        }
        if (spec.workingDays() != null) {
            return calendar.schedule().standardDayLength().multipliedBy(spec.workingDays());
        }
        return spec.target();
    }

    /** The clock's life from the milestones: when it (last) started, spans not counted, whether and how it stopped. */
    private static final class Run {
        Instant startedAt;
        Instant stoppedAt;
        MilestoneKind stoppedBy;
        ClockState stopState;
        final List<Span> excluded = new ArrayList<>();
        final List<PauseSpan> pauses = new ArrayList<>();
        final List<HistoryEntry> history = new ArrayList<>();
    }

    private record Span(Instant from, Instant to) {
    }

    private Run replay(ClockName clock, ClockSpec spec, List<Milestone> milestones, Instant now) {
        Run run = new Run();
        Instant pausedSince = null;
        String pauseReason = null;
        for (Milestone m : milestones) {
            MilestoneKind kind = m.getKind();
            Instant at = m.getOccurredAt();
            boolean running = run.startedAt != null && run.stoppedAt == null;

            if (kind == MilestoneKind.PAUSED) {
                pausedSince = at;
                pauseReason = m.getDetail();
                if (running && spec.isPausable()) {
                    run.history.add(new HistoryEntry(at, "PAUSED", m.getDetail()));
                }
                continue;
            }
            if (kind == MilestoneKind.RESUMED) {
                if (pausedSince != null && run.startedAt != null && spec.isPausable()) {
                    addPause(run, later(pausedSince, run.startedAt), at, pauseReason);
                    if (running) {
                        run.history.add(new HistoryEntry(at, "RESUMED", m.getDetail()));
                    }
                }
                pausedSince = null;
                continue;
            }
            if ((kind == MilestoneKind.LEVEL || kind == MilestoneKind.POLICY) && run.startedAt != null) {
                run.history.add(new HistoryEntry(at, "RECALCULATED", m.getDetail()));
                continue;
            }
            // a new start restarts a stopped clock; a running one keeps its earlier due time unless it is cyclic
            boolean startsHere = clock.isRequestClock() ? startsRequestClock(clock, m) : starts(clock, kind);
            if (startsHere && (run.startedAt == null || run.stoppedAt != null || CYCLIC.contains(clock))) {
                run.startedAt = at;
                run.stoppedAt = null;
                run.stoppedBy = null;
                run.excluded.clear();
                run.pauses.clear();
                run.history.add(new HistoryEntry(at, "STARTED", clock.isRequestClock() ? null : m.getDetail()));
                continue;
            }
            if (kind == MilestoneKind.REOPENED && clock.isRequestClock() && run.stoppedAt != null
                    && run.stoppedBy == MilestoneKind.RESOLVED) {
                // the deadline is the one on the milestone, which the request model's timer also waits for: no shift
                run.history.add(new HistoryEntry(at, "RESUMED", "case reopened"));
                run.stoppedAt = null;
                run.stoppedBy = null;
                run.stopState = null;
                continue;
            }
            if (kind == MilestoneKind.REOPENED && run.stoppedAt != null && run.stoppedBy == MilestoneKind.RESOLVED) {
                if (clock == ClockName.FAULT_REPORT) {
                    run.startedAt = null; // a new report is owed after the next resolution
                    run.stoppedAt = null;
                    continue;
                }
                run.excluded.add(new Span(run.stoppedAt, at));
                run.history.add(new HistoryEntry(at, "RESUMED", "case reopened"));
                run.stoppedAt = null;
                run.stoppedBy = null;
                run.stopState = null;
                continue;
            }
            if (kind == MilestoneKind.REOPENED && clock == ClockName.FAULT_REPORT && run.stoppedAt == null) {
                run.startedAt = null; // resolution withdrawn before the report was due
                continue;
            }
            if (running) {
                ClockState stop = stopState(clock, kind);
                if (stop != null) {
                    if (pausedSince != null && spec.isPausable()) {
                        addPause(run, later(pausedSince, run.startedAt), at, pauseReason);
                        pausedSince = at; // still paused after the stop; matters if the clock resumes
                    }
                    run.stoppedAt = at;
                    run.stoppedBy = kind;
                    run.stopState = stop;
                    run.history.add(new HistoryEntry(at, stop == ClockState.NOT_NEEDED ? "NOT_NEEDED" : "STOPPED",
                            kind.name().toLowerCase().replace('_', ' ')));
                }
            }
        }
        if (pausedSince != null && run.startedAt != null && run.stoppedAt == null && spec.isPausable()) {
            addPause(run, later(pausedSince, run.startedAt), null, pauseReason);
        }
        return run;
    }

    private static void addPause(Run run, Instant from, Instant to, String reason) {
        if (to != null && !to.isAfter(from)) {
            return;
        }
        run.excluded.add(new Span(from, to));
        run.pauses.add(new PauseSpan(from, to, reason));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static boolean starts(ClockName clock, MilestoneKind kind) {
        return switch (clock) {
            case RESPONSE, ON_SITE, RESOLUTION, SOLUTION_PLAN, CONTINGENCY_PLAN, DISPATCH -> kind == MilestoneKind.RECEIVED;
            case EXECUTION_CONFIRMED -> kind == MilestoneKind.DISPATCHED;
            case REDISPATCH -> kind == MilestoneKind.DELAY_REPORTED;
            case PM_REPORT -> kind == MilestoneKind.ABNORMAL_REPORTED;
            case FAULT_REPORT -> kind == MilestoneKind.RESOLVED;
            case VENDOR_RETURN -> kind == MilestoneKind.VENDOR_SENT;
            case REMOTE_GUIDANCE -> kind == MilestoneKind.FIRST_LINE_STARTED;
            // started by REQUEST_CLOCK_STARTED naming the clock, which the replay checks itself
            case CONSULTATION_ANSWER, COMPLAINT_REPLY, SERVICE_FULFILMENT -> false;
        };
    }

    /** How {@code kind} stops a running clock: MET (if in time), NOT_NEEDED (if in time), or null = no effect. */
    static ClockState stopState(ClockName clock, MilestoneKind kind) {
        if (kind == MilestoneKind.CLOSED && clock != ClockName.FAULT_REPORT) {
            return ClockState.NOT_NEEDED;
        }
        return switch (clock) {
            case RESPONSE -> kind == MilestoneKind.RESPONDED || kind == MilestoneKind.RESOLVED ? ClockState.MET : null;
            case RESOLUTION -> kind == MilestoneKind.RESOLVED ? ClockState.MET : null;
            case ON_SITE -> kind == MilestoneKind.ON_SITE ? ClockState.MET : notNeededOnResolution(kind);
            case SOLUTION_PLAN -> kind == MilestoneKind.SOLUTION_PLAN ? ClockState.MET : notNeededOnResolution(kind);
            case CONTINGENCY_PLAN -> kind == MilestoneKind.CONTINGENCY_PLAN ? ClockState.MET : notNeededOnResolution(kind);
            case DISPATCH, REDISPATCH -> kind == MilestoneKind.DISPATCHED ? ClockState.MET : notNeededOnResolution(kind);
            case EXECUTION_CONFIRMED -> kind == MilestoneKind.RESPONDED ? ClockState.MET
                    : kind == MilestoneKind.DELAY_REPORTED ? ClockState.NOT_NEEDED : notNeededOnResolution(kind);
            case PM_REPORT -> kind == MilestoneKind.ABNORMAL_ACKNOWLEDGED ? ClockState.MET : null;
            case FAULT_REPORT -> kind == MilestoneKind.FAULT_REPORT ? ClockState.MET : null;
            case VENDOR_RETURN -> kind == MilestoneKind.VENDOR_RETURNED ? ClockState.MET : null;
            // a case resolved some other way while at the desk (an alarm cleared it) ends first line with it
            case REMOTE_GUIDANCE -> kind == MilestoneKind.FIRST_LINE_FINISHED || kind == MilestoneKind.RESOLVED
                    ? ClockState.MET : null;
            case CONSULTATION_ANSWER, COMPLAINT_REPLY, SERVICE_FULFILMENT -> kind == MilestoneKind.RESOLVED ? ClockState.MET : null;
        };
    }

    private static ClockState notNeededOnResolution(MilestoneKind kind) {
        return kind == MilestoneKind.RESOLVED ? ClockState.NOT_NEEDED : null;
    }

    /** Counts a clock's time in its basis from its start, skipping the excluded spans (pauses, resolved-then-reopened). */
    private static final class Counter {
        private final BusinessCalendar calendar;
        private final Instant start;
        private final List<Span> spans;

        Counter(BusinessCalendar calendar, Instant start, List<Span> excluded) {
            this.calendar = calendar;
            this.start = start;
            this.spans = merge(excluded);
        }

        private static List<Span> merge(List<Span> excluded) {
            List<Span> sorted = new ArrayList<>(excluded);
            sorted.sort(Comparator.comparing(Span::from));
            List<Span> merged = new ArrayList<>();
            for (Span s : sorted) {
                if (!merged.isEmpty()) {
                    Span last = merged.get(merged.size() - 1);
                    if (last.to() == null || !s.from().isAfter(last.to())) {
                        Instant to = last.to() == null || s.to() == null ? null : later(last.to(), s.to());
                        merged.set(merged.size() - 1, new Span(last.from(), to));
                        continue;
                    }
                }
                merged.add(s);
            }
            return merged;
        }

        /** Counted time in [start, until). */
        Duration countedUntil(Instant until) {
            Duration total = Duration.ZERO;
            Instant cursor = start;
            for (Span s : spans) {
                if (!s.from().isBefore(until)) {
                    break;
                }
                total = total.plus(calendar.workingTimeBetween(cursor, s.from()));
                if (s.to() == null || !s.to().isBefore(until)) {
                    return total;
                }
                cursor = later(cursor, s.to());
            }
            return total.plus(calendar.workingTimeBetween(cursor, until));
        }

        /** The instant at which {@code amount} has been counted; null if an open pause comes first. */
        Instant instantAt(Duration amount) {
            Duration remaining = amount;
            Instant cursor = start;
            for (Span s : spans) {
                if (s.from().isAfter(cursor)) {
                    Duration available = calendar.workingTimeBetween(cursor, s.from());
                    if (remaining.compareTo(available) < 0 || remaining.equals(available) && !available.isZero()) {
                        return calendar.addWorkingTime(cursor, remaining);
                    }
                    remaining = remaining.minus(available);
                }
                if (s.to() == null) {
                    return null;
                }
                cursor = later(cursor, s.to());
            }
            return calendar.addWorkingTime(cursor, remaining);
        }

        boolean isExcluded(Instant instant) {
            return spans.stream().anyMatch(s -> !instant.isBefore(s.from()) && (s.to() == null || instant.isBefore(s.to())));
        }

        /** Real time spent in excluded spans between the start and {@code end}. */
        Duration excludedWithin(Instant end) {
            Duration total = Duration.ZERO;
            for (Span s : spans) {
                Instant from = later(s.from(), start);
                Instant to = s.to() == null || s.to().isAfter(end) ? end : s.to();
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
            return total;
        }
    }
}
