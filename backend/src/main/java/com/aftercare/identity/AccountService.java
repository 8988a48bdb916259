package com.aftercare.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts: created by the demo data or an admin, looked up at sign-in. */
@Service
public class AccountService {

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    AccountService(AppUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @Transactional
    public void createIfAbsent(String username, String rawPassword, String displayName, Set<Role> roles) {
        if (!users.existsById(username)) {
            users.save(new AppUser(username, passwordEncoder.encode(rawPassword), displayName, roles));
        }
    }

    /** A user of a customer unit (role CUSTOMER), who will see only that unit's sites, devices and tickets. */
    @Transactional
    public void createCustomerUserIfAbsent(String username, String rawPassword, String displayName, Long customerId) {
        if (customerId == null) {
            throw new IllegalArgumentException("a customer user needs a customer unit");
        }
        if (!users.existsById(username)) {
            AppUser user = new AppUser(username, passwordEncoder.encode(rawPassword), displayName, Set.of(Role.CUSTOMER));
            user.belongTo(customerId);
            users.save(user);
        }
    }

    /** Sets where a user's escalation messages go (e-mail, mobile for group-robot @-mentions). */
    @Transactional
    public void setContact(String username, String email, String mobile) {
        users.findById(username).ifPresent(u -> u.contact(email, mobile));
    }

    /** Enabled users holding a role, e.g. every supervisor for an escalation without a named recipient. */
    @Transactional(readOnly = true)
    public List<AppUser> withRole(Role role) {
        return users.findAll().stream().filter(u -> u.isEnabled() && u.getRoles().contains(role))
                .sorted(java.util.Comparator.comparing(AppUser::getUsername)).toList();
    }

    /** Every account, enabled or not, by user name (the administration pages). */
    @Transactional(readOnly = true)
    public List<AppUser> all() {
        return users.findAll(org.springframework.data.domain.Sort.by("username"));
    }

    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        return users.findById(username);
    }
}
