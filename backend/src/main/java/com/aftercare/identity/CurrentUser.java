package com.aftercare.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting. Works the same for HTTP Basic and, later, OIDC tokens: both end up as an
 * Authentication with ROLE_* authorities. Engine threads (timers, probe worker) act as "system".
 */
public final class CurrentUser {

    public static final String SYSTEM = "system";

    private CurrentUser() {
    }

    public static String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? SYSTEM : auth.getName();
    }

    public static Set<Role> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(CurrentUser::isRole)
                .map(Role::valueOf)
                .collect(Collectors.toSet());
    }

    /**
     * True when the signed-in user is only a customer's user (role CUSTOMER and no staff role): every
     * service that hands out data scopes it to {@link #customerId()}.
     */
    public static boolean isCustomer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && CustomerRoutes.onlyCustomer(auth);
    }

    /**
     * The customer unit of a customer's user: from the local account, or from the {@code customer_id}
     * claim of an OIDC token. A customer's user without one may see nothing.
     */
    public static Long customerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Long id = null;
        if (auth != null && auth.getPrincipal() instanceof CustomerScoped scoped) {
            id = scoped.customerId();
        } else if (auth != null && auth.getPrincipal() instanceof org.springframework.security.oauth2.jwt.Jwt jwt) {
            Object claim = jwt.getClaims().get("customer_id");
            id = claim instanceof Number n ? Long.valueOf(n.longValue())
                    : claim instanceof String s && s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
        }
        if (id == null) {
            throw new com.aftercare.common.ForbiddenException("Your account is not linked to a customer unit; ask the service desk");
        }
        return id;
    }

    /** The customer unit to scope data to: the customer's own, or null (everything) for staff. */
    public static Long scopeCustomerId() {
        return isCustomer() ? customerId() : null;
    }

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
