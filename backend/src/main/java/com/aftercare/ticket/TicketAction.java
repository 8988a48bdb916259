package com.aftercare.ticket;

import java.util.EnumSet;
import java.util.Set;

import com.aftercare.identity.Role;

/**
 * What a person may do to a ticket besides working its tasks (tasks carry their own {@code actionable}).
 * Each constant names who may do it; {@link TicketActions} holds the rest of each endpoint's rule, and the case
 * file lists the actions that rule allows, so the page offers exactly what the server accepts.
 */
public enum TicketAction {
    HOLD(Assignee.OWN_IF_ENGINEER, Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN),
    RESUME(Assignee.OWN_IF_ENGINEER, Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN),
    CHANGE_LEVEL(Assignee.ANY, Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN),
    ARRIVE_ON_SITE(Assignee.ONLY, Role.ENGINEER, Role.ADMIN),
    SUBMIT_SOLUTION_PLAN(Assignee.ANY, Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN),
    SUBMIT_CONTINGENCY_PLAN(Assignee.ANY, Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN),
    SUBMIT_FAULT_REPORT(Assignee.ANY, Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN),
    REPORT_ABNORMAL_EVENT(Assignee.ONLY, Role.ENGINEER, Role.ADMIN),
    ACKNOWLEDGE_ABNORMAL_EVENT(Assignee.ANY, Role.SUPERVISOR, Role.ADMIN),
    REPORT_DELAY(Assignee.ONLY, Role.ENGINEER, Role.ADMIN);

    /**
     * ONLY: field actions are the assigned engineer's own; an admin may act for them. OWN_IF_ENGINEER: holding
     * stops a ticket's clocks, so an engineer may do it only on the ticket assigned to them, while the desk,
     * supervisors and admins manage every ticket's hold.
     */
    enum Assignee { ANY, ONLY, OWN_IF_ENGINEER }

    private final Set<Role> roles;
    private final Assignee assignee;

    TicketAction(Assignee assignee, Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
        this.assignee = assignee;
    }

    Set<Role> roles() {
        return roles;
    }

    /** Whether this caller must be the assigned engineer: always for field actions, for engineers alone on holds. */
    boolean requiresAssignee(Set<Role> callerRoles) {
        return switch (assignee) {
            case ANY -> false;
            case ONLY -> !callerRoles.contains(Role.ADMIN);
            case OWN_IF_ENGINEER -> callerRoles.stream()
                    .noneMatch(r -> r == Role.SERVICE_DESK || r == Role.SUPERVISOR || r == Role.ADMIN);
        };
    }

    /** The hand-in action for a deliverable kind of POST /deliverables (SOLUTION_PLAN, ...), or null for an unknown kind. */
    public static TicketAction submitting(String kind) {
        return submitting(DeliverableKind.fromCode(kind));
    }

    /** The hand-in action for a deliverable kind, or null for none. */
    public static TicketAction submitting(DeliverableKind kind) {
        return kind == null ? null : valueOf("SUBMIT_" + kind.name());
    }

    /** The deliverable kind (clock name) a SUBMIT_ action hands in; null for other actions. */
    String deliverable() {
        return name().startsWith("SUBMIT_") ? name().substring("SUBMIT_".length()) : null;
    }
}
