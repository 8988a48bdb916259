package com.aftercare.securityincident;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/** Who reports, who reads and who investigates security incidents (RP-6). */
final class SecurityIncidentActor {

    /**
     * Supervisors and administrators investigate and read every incident: an incident is often about a colleague, so
     * the desk and engineers read only what they reported themselves (seed 002: 有义务不对外透露).
     */
    static final Set<Role> INVESTIGATORS = Set.of(Role.SUPERVISOR, Role.ADMIN);
    /** Anyone on the provider's side who sees an incident reports it. */
    static final Set<Role> STAFF = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN);

    private SecurityIncidentActor() {
    }

    static boolean isInvestigator() {
        return !CurrentUser.isCustomer() && CurrentUser.roles().stream().anyMatch(INVESTIGATORS::contains);
    }

    static void requireInvestigator() {
        if (!isInvestigator()) {
            throw new ForbiddenException("Only supervisors and administrators investigate security incidents");
        }
    }

    static void requireReporter() {
        if (!CurrentUser.isCustomer() && CurrentUser.roles().stream().noneMatch(STAFF::contains)) {
            throw new ForbiddenException("Your role may not report security incidents");
        }
    }

    /** A customer's user's unit; an account without one sees nothing (-1 matches no unit). */
    static long ownUnit() {
        Long own = CurrentUser.customerId();
        return own == null ? -1L : own;
    }
}
