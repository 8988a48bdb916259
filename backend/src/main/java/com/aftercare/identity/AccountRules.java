package com.aftercare.identity;

import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/**
 * The checks every account change shares: a customer's user belongs to exactly one existing unit and holds no staff
 * role (a staff role would lift the customer scope, CustomerRoutes#onlyCustomer); staff belong to no unit; passwords
 * exist only with local accounts; and the product always keeps one enabled administrator, so nobody locks it.
 */
@Component
class AccountRules {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{1,99}";
    static final int MIN_PASSWORD = 8;

    private final AppUserRepository users;
    private final CustomerUnits units;
    private final PasswordEncoder passwords;
    private final boolean localAccounts;

    AccountRules(AppUserRepository users, CustomerUnits units, PasswordEncoder passwords,
            @Value("${aftercare.auth.mode:local}") String mode) {
        this.users = users;
        this.units = units;
        this.passwords = passwords;
        this.localAccounts = !"oidc".equals(mode);
    }

    /** False in the keycloak profile: the password and sign-in live in Keycloak, the product keeps the local record. */
    boolean localAccounts() {
        return localAccounts;
    }

    void checkUnit(Set<Role> roles, Long customerId) {
        if (roles.contains(Role.CUSTOMER)) {
            if (roles.size() > 1) {
                throw new BadRequestException("roles", "a customer's user holds the role CUSTOMER only");
            }
            if (customerId == null) {
                throw new BadRequestException("customerId", "a customer's user belongs to a customer unit");
            }
            if (!units.exists(customerId)) {
                throw new BadRequestException("customerId", "unknown customer " + customerId);
            }
        } else if (customerId != null) {
            throw new BadRequestException("customerId", "only a customer's user (role CUSTOMER) belongs to a customer unit");
        }
    }

    /** The hash to store: the given password in local mode (required there), an unusable random one with Keycloak. */
    String passwordHash(String password, boolean required) {
        if (!localAccounts) {
            if (password != null) {
                throw new BadRequestException("password", "passwords are managed in Keycloak");
            }
            return passwords.encode(java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID());
        }
        if (password == null || password.isBlank()) {
            if (required) {
                throw new BadRequestException("password", "required");
            }
            return null;
        }
        if (password.length() < MIN_PASSWORD) {
            throw new BadRequestException("password", "at least " + MIN_PASSWORD + " characters");
        }
        return passwords.encode(password);
    }

    /** Refuses a change that would leave no enabled administrator (409). */
    void keepAnAdministrator(AppUser changing, boolean stillAdmin) {
        if (stillAdmin || !changing.isEnabled() || !changing.getRoles().contains(Role.ADMIN)) {
            return;
        }
        boolean another = users.findAll().stream().anyMatch(u -> u.isEnabled() && u.getRoles().contains(Role.ADMIN)
                && !u.getUsername().equals(changing.getUsername()));
        if (!another) {
            throw ConflictException.of("lastAdministrator");
        }
    }

    AppUser existing(String username) {
        return users.findById(username).orElseThrow(() -> new com.aftercare.common.NotFoundException("No account " + username));
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
