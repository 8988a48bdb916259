package com.aftercare.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayCalendar;

/**
 * A ticket's clocks, derived from its milestones under its policy version and contract terms, and what
 * the escalation process should do about them: stop records, due rungs, the next timer.
 */
@Service
public class ClockEvaluation {

    private final MilestoneRepository milestones;
    private final ClockLogRepository logs;
    private final PolicyCatalog policies;
    private final ContractBook contracts;
    private final Clock clock;

    ClockEvaluation(MilestoneRepository milestones, ClockLogRepository logs, PolicyCatalog policies, ContractBook contracts,
            Clock clock) {
        this.milestones = milestones;
        this.logs = logs;
        this.policies = policies;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** Whether the policy pauses clocks in this state (a hold reason or a ticket status). */
    public boolean pauses(Long policyId, String state) {
        return state != null && policies.definition(policyId).pauseOn().contains(state);
    }

    /** The facts this ticket's clocks are derived from, oldest first. */
    @Transactional(readOnly = true)
    public List<Milestone> milestones(Long ticketId) {
        return milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    @Transactional(readOnly = true)
    public List<ClockStatus> clocks(ClockTicket ticket) {
        return clocks(ticket, milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()),
                logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()), clock.instant());
    }

    /** Clocks of many tickets at once (the supervisor board): two queries, not two per ticket. */
    @Transactional(readOnly = true)
    public Map<Long, List<ClockStatus>> clocks(Collection<ClockTicket> tickets) {
        return clocks(tickets, contracts::workingCalendar);
    }

    /**
     * As {@link #clocks(Collection)}, with these statutory holidays instead of the ones in force: how the clocks ran
     * before a holiday import, and how they run after it (ADR 0075).
     */
    @Transactional(readOnly = true)
    public Map<Long, List<ClockStatus>> clocks(Collection<ClockTicket> tickets, HolidayCalendar holidays) {
        return clocks(tickets, terms -> terms.workingCalendar(holidays));
    }

    private Map<Long, List<ClockStatus>> clocks(Collection<ClockTicket> tickets,
            Function<ContractTerms, BusinessCalendar> workingCalendar) {
        List<Long> ids = tickets.stream().map(ClockTicket::ticketId).toList();
        Map<Long, List<Milestone>> byTicket = new HashMap<>();
        Map<Long, List<ClockLog>> logsByTicket = new HashMap<>();
        Instant now = clock.instant();
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            milestones.findByTicketIdInOrderByOccurredAtAscIdAsc(chunk)
                    .forEach(m -> byTicket.computeIfAbsent(m.getTicketId(), k -> new ArrayList<>()).add(m));
            logs.findByTicketIdInOrderByOccurredAtAscIdAsc(chunk)
                    .forEach(l -> logsByTicket.computeIfAbsent(l.getTicketId(), k -> new ArrayList<>()).add(l));
        }
        // one calendar per set of terms, not one per ticket
        Map<ContractTerms, BusinessCalendar> calendars = new HashMap<>();
        return tickets.stream().collect(Collectors.toMap(ClockTicket::ticketId, t -> new ClockCalculator(
                policies.definition(t.policyId()),
                calendars.computeIfAbsent(contracts.termsOrDefault(t.terms()), workingCalendar))
                .clocks(new ClockCalculator.Subject(t.levelCode(), t.region()), byTicket.getOrDefault(t.ticketId(), List.of()),
                        logsByTicket.getOrDefault(t.ticketId(), List.of()), now)));
    }

    private List<ClockStatus> clocks(ClockTicket t, List<Milestone> ms, List<ClockLog> ls, Instant now) {
        return calculator(t).clocks(new ClockCalculator.Subject(t.levelCode(), t.region()), ms, ls, now);
    }

    private ClockCalculator calculator(ClockTicket t) {
        return new ClockCalculator(policies.definition(t.policyId()),
                contracts.workingCalendar(contracts.termsOrDefault(t.terms())));
    }

    /**
     * Derives the clocks now, records each newly stopped clock as met or missed (with its margin), and
     * says what the escalation process does next.
     */
    @Transactional
    public Evaluation evaluate(ClockTicket ticket) {
        return evaluate(ticket, false);
    }

    /**
     * As {@link #evaluate(ClockTicket)}; {@code opening}: the ticket was inserted by this very transaction (its case
     * is being opened, {@link CaseOpening}), so it has no clock log yet and the read of it is skipped (ADR 0062).
     */
    @Transactional
    public Evaluation evaluate(ClockTicket ticket, boolean opening) {
        return evaluate(ticket, opening, null);
    }

    /**
     * As {@link #evaluate(ClockTicket, boolean)}; {@code openingMilestones}, when not null, are all the milestones of a
     * ticket being opened, as {@link CaseOpening#watched} hands them over (recorded by this transaction, in read order):
     * neither they nor the clock log are read (ADR 0074), which also spares Hibernate's flush before the query.
     */
    @Transactional
    public Evaluation evaluate(ClockTicket ticket, boolean opening, List<Milestone> openingMilestones) {
        Instant now = clock.instant();
        boolean fresh = opening || openingMilestones != null;
        List<ClockLog> ticketLogs = fresh ? new ArrayList<>() : logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId());
        List<Milestone> ms = openingMilestones != null ? openingMilestones
                : milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId());
        List<ClockStatus> statuses = clocks(ticket, ms, ticketLogs, now);
        boolean deEscalate = false;
        boolean anyLive = false;
        Instant next = null;
        for (ClockStatus s : statuses) {
            if (s.state() == ClockState.MET || s.state() == ClockState.MISSED) {
                boolean recorded = ticketLogs.stream().anyMatch(l -> l.getClock() == s.clock()
                        && (l.getKind() == ClockLog.Kind.MET || l.getKind() == ClockLog.Kind.MISSED)
                        && !l.getOccurredAt().isBefore(s.stoppedAt()));
                if (!recorded) {
                    logs.save(new ClockLog(ticket.ticketId(), s.clock(),
                            s.state() == ClockState.MET ? ClockLog.Kind.MET : ClockLog.Kind.MISSED, s.stoppedAt(), s.dueAt(),
                            s.escalationLevel(), s.escalationName(), (s.state() == ClockState.MET ? "met, margin " : "missed by ")
                                    + Durations.human(s.margin().abs())));
                }
            }
            if (s.state().isStopped() && s.escalationLevel() > 0) {
                deEscalate = true;
            }
            if (s.state().isRunning() || s.state() == ClockState.PAUSED
                    || s.state() == ClockState.NOT_STARTED && s.applicable() && !ticket.closed()) {
                anyLive = true;
            }
            if (s.nextEscalationAt() != null && (next == null || s.nextEscalationAt().isBefore(next))) {
                next = s.nextEscalationAt();
            }
        }
        if (deEscalate) {
            return new Evaluation(Evaluation.Outcome.DEESCALATE, null, statuses);
        }
        if (ticket.closed() && !anyLive) {
            return new Evaluation(Evaluation.Outcome.FINISHED, null, statuses);
        }
        return next == null ? new Evaluation(Evaluation.Outcome.WAIT, null, statuses)
                : new Evaluation(Evaluation.Outcome.TIMER, next, statuses);
    }

    /** The escalations due at this instant; the caller notifies and then records them ({@link ClockLogBook#recordEscalation}). */
    @Transactional(readOnly = true)
    public List<DueEscalation> dueEscalations(ClockTicket ticket) {
        Instant now = clock.instant();
        List<Milestone> ms = milestones.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId());
        List<ClockStatus> statuses = clocks(ticket, ms, logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticket.ticketId()), now);
        PolicyDefinition policy = policies.definition(ticket.policyId());
        ClockCalculator calculator = calculator(ticket);
        List<DueEscalation> due = new ArrayList<>();
        for (ClockStatus s : statuses) {
            if (!s.state().isRunning() || s.nextEscalationAt() == null || s.nextEscalationAt().isAfter(now)) {
                continue;
            }
            // every rung crossed since the recorded level is owed, so a late run still tells the lower rungs' people
            List<Rung> crossed = calculator.reachedRungs(s.clock(),
                    new ClockCalculator.Subject(ticket.levelCode(), ticket.region()), ms, now).stream()
                    .filter(r -> r.level() > s.escalationLevel())
                    .map(r -> new Rung(r.level(), policy.escalation().get(r.level() - 1), r.at()))
                    .toList();
            if (!crossed.isEmpty()) {
                due.add(new DueEscalation(s.clock(), crossed, false, s, owedSince(crossed.get(0).dueAt(), ms)));
            } else if (s.escalationLevel() > 0) {
                // a policy changed to a shorter ladder repeats its top rung
                int rung = Math.min(s.escalationLevel(), policy.escalation().size());
                due.add(new DueEscalation(s.clock(), List.of(new Rung(rung, policy.escalation().get(rung - 1),
                        s.nextEscalationAt())), true, s, s.nextEscalationAt()));
            }
        }
        return due;
    }

    /**
     * Since when a rung has been owed: its due time, unless a shorter target (a level or policy change) put that
     * due time in the past after the fact; then only since the change, which is when escalation could first know.
     */
    private static Instant owedSince(Instant dueAt, List<Milestone> ms) {
        Instant owed = dueAt;
        for (Milestone m : ms) {
            if ((m.getKind() == MilestoneKind.LEVEL || m.getKind() == MilestoneKind.POLICY) && m.getOccurredAt().isAfter(owed)) {
                owed = m.getOccurredAt();
            }
        }
        return owed;
    }
}
