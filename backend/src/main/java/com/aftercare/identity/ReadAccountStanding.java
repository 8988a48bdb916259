package com.aftercare.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An account's standing as every signed-in request needs it ({@link RefuseDisabledAccounts}): enabled or not, its
 * roles and its customer unit, read fresh from the database with one plain JDBC statement in auto-commit. Through
 * Spring Data JPA (a transaction, an entity manager, a mapped entity) this check was about a tenth of a light request's
 * CPU for the SPA (ADR 0087); nothing is cached, so a disabled account or a change of roles holds from the next request
 * on, on every node.
 */
@Service
class ReadAccountStanding {

    private static final String BY_USERNAME = "select enabled, roles, customer_id from app_user where username = ?";

    /** What the request check needs of an account. */
    record Standing(boolean enabled, Set<Role> roles, Long customerId) {
    }

    private final JdbcTemplate jdbc;

    ReadAccountStanding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Standing> of(String username) {
        List<Standing> found = jdbc.query(BY_USERNAME, (rs, row) -> new Standing(rs.getBoolean("enabled"),
                AppUser.rolesOf(rs.getString("roles")), rs.getObject("customer_id", Long.class)), username);
        return found.stream().findFirst();
    }
}
