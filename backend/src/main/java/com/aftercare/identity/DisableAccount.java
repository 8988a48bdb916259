package com.aftercare.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator switches an account off (or on again). People are never deleted, so tickets, tasks and the audit
 * trail keep their names. A disabled account is refused on its very next request: HTTP Basic at once (the password
 * check reads the flag), an SPA session and a Keycloak token through {@link RefuseDisabledAccounts}. The last enabled
 * administrator cannot be disabled.
 */
@Service
public class DisableAccount {

    private final AccountRules rules;
    private final AppUserRepository users;

    DisableAccount(AccountRules rules, AppUserRepository users) {
        this.rules = rules;
        this.users = users;
    }

    @Transactional
    public AppUser disable(String username) {
        AppUser user = rules.existing(username);
        rules.keepAnAdministrator(user, false);
        user.enable(false);
        return user;
    }

    @Transactional
    public AppUser enable(String username) {
        AppUser user = rules.existing(username);
        user.enable(true);
        return user;
    }

    /** A customer unit switched off: none of its people sign in any more (re-enabled one by one, deliberately). */
    @Transactional
    public int disableAllOfUnit(long customerId) {
        var ofUnit = users.findAll().stream().filter(u -> u.isEnabled() && Long.valueOf(customerId).equals(u.getCustomerId())).toList();
        ofUnit.forEach(u -> u.enable(false));
        return ofUnit.size();
    }
}
