package com.aftercare.audit;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Supervisors and admins read everything; a customer's user reads only entries owned by their unit
 * ({@code CurrentUser.customerId()}, refused when the account has none); everyone else is refused.
 * Every audit query filters by the restriction returned here.
 */
@Component
class RoleBasedAuditReaderScope implements AuditReaderScope {

    @Override
    public Optional<Long> customerRestriction() {
        Set<Role> roles = CurrentUser.roles();
        if (roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN)) {
            return Optional.empty();
        }
        if (CurrentUser.isCustomer()) {
            return Optional.of(CurrentUser.customerId());
        }
        throw new ForbiddenException("Your role may not read the audit trail");
    }
}
