package com.aftercare.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.Labelled;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.Milestone;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ClockEvaluation;

/**
 * The one rule of each {@link TicketAction}: who may do it (403 otherwise) and whether the ticket allows it now
 * (409 otherwise). The endpoints enforce these very methods and the case file lists what they allow, so a button
 * cannot be offered for an action the server refuses, nor hidden for one it owes (a closed case still owes its
 * fault report). Input checks of one request (an unknown level, an empty text) stay with the use case.
 */
@Component
public class TicketActions {

    private final PolicyCatalog policyCatalog;
    private final ClockEvaluation clockEvaluation;

    TicketActions(PolicyCatalog policyCatalog, ClockEvaluation clockEvaluation) {
        this.policyCatalog = policyCatalog;
        this.clockEvaluation = clockEvaluation;
    }

    /** The actions the signed-in user may take on this ticket now, in the order the page shows them. */
    @Transactional(readOnly = true)
    public List<TicketAction> available(Ticket ticket) {
        String user = CurrentUser.username();
        Set<Role> roles = CurrentUser.roles();
        State state = new State(ticket);
        List<TicketAction> allowed = new ArrayList<>();
        for (TicketAction action : TicketAction.values()) {
            if (actorRefusal(action, ticket, user, roles).isEmpty() && stateRefusal(action, state).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /** The caller's part of the rule: their role, and for field actions being the assigned engineer. */
    public void requireActor(TicketAction action, Ticket ticket) {
        Optional<String> refusal = actorRefusal(action, ticket, CurrentUser.username(), CurrentUser.roles());
        if (refusal.isPresent()) {
            throw new ForbiddenException(refusal.get());
        }
    }

    /** The role alone, before the ticket is even loaded (as a role annotation would answer). */
    public void requireRole(TicketAction action) {
        if (CurrentUser.roles().stream().noneMatch(action.roles()::contains)) {
            throw new ForbiddenException("This needs one of the roles " + new java.util.TreeSet<>(action.roles()));
        }
    }

    /** Whether the ticket's state allows the action now, whoever asks (a process step checks before it acts). */
    boolean allowsState(TicketAction action, Ticket ticket) {
        return stateRefusal(action, new State(ticket)).isEmpty();
    }

    /** The ticket's part of the rule, for any caller (the desk, a process step, a test). */
    void requireState(TicketAction action, Ticket ticket) {
        Optional<ConflictException> refusal = stateRefusal(action, new State(ticket));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    private static Optional<String> actorRefusal(TicketAction action, Ticket ticket, String user, Set<Role> roles) {
        if (roles.stream().noneMatch(action.roles()::contains)) {
            return Optional.of("This needs one of the roles " + new java.util.TreeSet<>(action.roles()));
        }
        if (action.requiresAssignee(roles)
                && (ticket.getAssignee() == null || !ticket.getAssignee().equals(user))) {
            return Optional.of("Only the engineer assigned to this ticket"
                    + (ticket.getAssignee() == null ? "" : " (" + ticket.getAssignee() + ")") + " may do this");
        }
        return Optional.empty();
    }

    private Optional<ConflictException> stateRefusal(TicketAction action, State s) {
        Ticket t = s.ticket;
        boolean closed = t.getStatus() == TicketStatus.CLOSED;
        Optional<ConflictException> closedRefusal = Optional.of(ConflictException.of("caseClosed", Map.of("number", t.getNumber())));
        return switch (action) {
            case HOLD, REPORT_ABNORMAL_EVENT, REPORT_DELAY -> closed ? closedRefusal : Optional.empty();
            case RESUME -> closed ? closedRefusal
                    : t.getHoldReason() == null ? Optional.of(ConflictException.of("notOnHold")) : Optional.empty();
            // a consultation, complaint or service request has no fault level: the policy's clocks never time it
            case CHANGE_LEVEL -> closed ? closedRefusal
                    : t.getRequestType() != null && t.getRequestType() != RequestType.FAULT
                            ? Optional.of(ConflictException.of("levelOnlyForFaults"))
                    : policyCatalog.definition(t.getPolicyId()).levels().stream().allMatch(l -> l.code().equals(t.getLevel()))
                            ? Optional.of(ConflictException.of("noOtherLevel")) : Optional.empty();
            case ARRIVE_ON_SITE -> closed ? closedRefusal
                    : s.arrivedSinceReopened() ? Optional.of(ConflictException.of("arrivalRecorded")) : Optional.empty();
            case SUBMIT_SOLUTION_PLAN, SUBMIT_CONTINGENCY_PLAN, SUBMIT_FAULT_REPORT -> {
                // owed while its clock runs or waits, closed case or not: SLA-7's report comes after resolution
                String kind = action.deliverable();
                ClockStatus clock = s.clock(ClockName.valueOf(kind));
                Labelled deliverable = new Labelled("deliverable", kind);
                if (clock == null || !clock.applicable()) {
                    yield Optional.of(ConflictException.of("deliverableNotCommitted", Map.of("deliverable", deliverable)));
                }
                yield clock.state().isRunning() || clock.state() == ClockState.PAUSED ? Optional.empty()
                        : Optional.of(ConflictException.of("deliverableNotOwed", Map.of("deliverable", deliverable,
                                "state", new Labelled("clockState", clock.state().name()))));
            }
            case ACKNOWLEDGE_ABNORMAL_EVENT -> {
                ClockStatus clock = s.clock(ClockName.PM_REPORT);
                yield clock != null && clock.state().isRunning() ? Optional.empty()
                        : Optional.of(ConflictException.of("noAbnormalEventWaiting"));
            }
        };
    }

    /** What the rules read of a ticket, each looked up once and only when a rule needs it. */
    private final class State {
        final Ticket ticket;
        private final Supplier<List<ClockStatus>> clocks;
        private final Supplier<List<Milestone>> milestones;

        State(Ticket ticket) {
            this.ticket = ticket;
            this.clocks = memo(() -> clockEvaluation.clocks(FindTicket.clockTicketOf(ticket)));
            this.milestones = memo(() -> clockEvaluation.milestones(ticket.getId()));
        }

        ClockStatus clock(ClockName name) {
            return clocks.get().stream().filter(c -> c.clock() == name).findFirst().orElse(null);
        }

        /** Only the first arrival counts, and a reopened case needs a new one. */
        boolean arrivedSinceReopened() {
            Instant reopened = milestones.get().stream().filter(m -> m.getKind() == MilestoneKind.REOPENED)
                    .map(Milestone::getOccurredAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            return milestones.get().stream().anyMatch(m -> m.getKind() == MilestoneKind.ON_SITE
                    && !m.getOccurredAt().isBefore(reopened));
        }
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
