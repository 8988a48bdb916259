package com.aftercare.stock;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Who acts on the stock and with which roles. The contract (003, 1.2) names a stock keeper (库管员) who receives,
 * issues and counts, and a purchasing supervisor (采购主管) who approves requisitions and signs the counts; the
 * product's roles map them to ADMIN/SUPERVISOR and SUPERVISOR (docs/adr/0024).
 */
public record Actor(String username, Set<Role> roles) {

    /** Receive, issue, keep the catalogue, count: the stock keeper's work. */
    static final Set<Role> KEEPERS = Set.of(Role.SUPERVISOR, Role.ADMIN);
    /** Approve or reject a requisition or a count: the purchasing supervisor's signature. */
    static final Set<Role> APPROVERS = Set.of(Role.SUPERVISOR);
    /** Ask for parts: the engineers (and the keepers for them). */
    static final Set<Role> REQUESTERS = Set.of(Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN);
    /** See stock levels: staff, not customers. */
    static final Set<Role> READERS = Set.of(Role.ENGINEER, Role.SUPERVISOR, Role.ADMIN, Role.SERVICE_DESK, Role.PROCESS_OWNER);

    public static Actor current() {
        return new Actor(CurrentUser.username(), CurrentUser.roles());
    }

    void require(Set<Role> allowed, String what) {
        if (roles.stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException("Your role may not " + what);
        }
    }
}
