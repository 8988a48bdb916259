package com.aftercare.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account as Spring Security sees it, carrying the customer unit of a CUSTOMER user. */
class AppUserPrincipal extends User implements CustomerScoped {

    private final Long customerId;

    AppUserPrincipal(String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities,
            Long customerId) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.customerId = customerId;
    }

    @Override
    public Long customerId() {
        return customerId;
    }
}
