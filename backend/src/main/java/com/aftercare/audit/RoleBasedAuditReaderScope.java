package com.aftercare.audit;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Supervisors and admins read everything. Customer readers are refused until the identity stream
 * gives a customer user its customer id.
 * <p>
 * WIRING POINT (identity issue, customer scoping): when {@code CurrentUser.customerId()} exists,
 * replace the CUSTOMER branch below by {@code return Optional.of(CurrentUser.customerId())} (refusing a
 * customer user without one). Nothing else in the audit feature changes: every query already filters
 * by the restriction returned here.
 */
@Component
class RoleBasedAuditReaderScope implements AuditReaderScope {

    static final String CUSTOMER_AUTHORITY = "ROLE_CUSTOMER";

    @Override
    public Optional<Long> customerRestriction() {
        Set<Role> roles = CurrentUser.roles();
        if (roles.contains(Role.SUPERVISOR) || roles.contains(Role.ADMIN)) {
            return Optional.empty();
        }
        if (hasAuthority(CUSTOMER_AUTHORITY)) {
            throw new ForbiddenException("Customer access to the audit trail is not available yet");
        }
        throw new ForbiddenException("Your role may not read the audit trail");
    }

    private static boolean hasAuthority(String authority) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
