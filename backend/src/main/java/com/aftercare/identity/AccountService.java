package com.aftercare.identity;

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

    @Transactional(readOnly = true)
    public Optional<AppUser> find(String username) {
        return users.findById(username);
    }
}
