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

    private static boolean isRole(String name) {
        for (Role r : Role.values()) {
            if (r.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
