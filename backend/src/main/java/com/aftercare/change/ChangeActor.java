package com.aftercare.change;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/** Who acts on a change request and with which roles (RP-5: every step of a change is someone's, by name). */
record ChangeActor(String username, Set<Role> roles) {

    /** Ask for a change: those who work on the customers' systems and take their requests. */
    static final Set<Role> REQUESTERS = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR);
    /** Approve or reject, and step in for the requester or implementer. */
    static final Set<Role> APPROVERS = Set.of(Role.SUPERVISOR);
    /** Record a major change's test. */
    static final Set<Role> TESTERS = Set.of(Role.ENGINEER, Role.SUPERVISOR);
    /** Carry a change out (the implementer named on the request). */
    static final Set<Role> IMPLEMENTERS = Set.of(Role.ENGINEER, Role.SUPERVISOR);
    /** Read every change: staff. */
    static final Set<Role> STAFF = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.PROCESS_OWNER, Role.SUPERVISOR, Role.ADMIN);

    static ChangeActor current() {
        return new ChangeActor(CurrentUser.username(), CurrentUser.roles());
    }

    boolean has(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    boolean isSupervisor() {
        return roles.contains(Role.SUPERVISOR);
    }

    void require(Set<Role> allowed, String what) {
        if (!has(allowed)) {
            throw new ForbiddenException("Your role may not " + what);
        }
    }

    /** The requester themselves or a supervisor (moving or withdrawing a request). */
    boolean ownsOrSupervises(ChangeRequest change) {
        return isSupervisor() || (username.equals(change.getRequestedBy()) && has(REQUESTERS));
    }
}
