package com.aftercare.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A local account (login page and HTTP Basic). Roles are stored as a comma-separated list. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String roles;
    private boolean enabled = true;
    /** Where escalation e-mails go; null = in-app only. */
    private String email;
    /** Mobile number for @-mentions in WeCom / DingTalk group messages. */
    private String mobile;
    /** The customer unit a CUSTOMER user belongs to; null for staff. */
    @Column(name = "customer_id")
    private Long customerId;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public String getDisplayName() { return displayName; }
    public boolean isEnabled() { return enabled; }
    public String getEmail() { return email; }
    public String getMobile() { return mobile; }
    public Long getCustomerId() { return customerId; }

    void belongTo(Long customerId) {
        this.customerId = customerId;
    }

    void contact(String email, String mobile) {
        this.email = email;
        this.mobile = mobile;
    }

    void rename(String displayName) {
        this.displayName = displayName;
    }

    void assignRoles(Set<Role> roles) {
        this.roles = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Disabled accounts are refused on their next request, whatever credential they hold (see RefuseDisabledAccounts). */
    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    public Set<Role> getRoles() {
        return rolesOf(roles);
    }

    /** The roles column's comma-separated names as roles (also read without JPA, {@link ReadAccountStanding}). */
    static Set<Role> rolesOf(String column) {
        if (column == null) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).collect(Collectors.toSet());
    }
}
