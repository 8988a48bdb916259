package com.aftercare.identity;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An administrator changes an account's name, roles, unit and contact. The user name never changes (tasks, tickets
 * and the audit trail name people by it). A change of roles holds from the user's next request, session included.
 */
@Service
public class EditAccount {

    @Schema(name = "EditAccountCommand")
    public record Command(
            @NotBlank @Size(max = 100) String displayName,
            @NotEmpty Set<@NotNull Role> roles,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "[0-9+() -]{0,40}", message = "digits, spaces and + ( ) - only") String mobile,
            Long customerId) {
    }

    private final AccountRules rules;

    EditAccount(AccountRules rules) {
        this.rules = rules;
    }

    @Transactional
    public AppUser edit(String username, Command c) {
        AppUser user = rules.existing(username);
        rules.checkUnit(c.roles(), c.customerId());
        rules.keepAnAdministrator(user, c.roles().contains(Role.ADMIN));
        user.rename(c.displayName().trim());
        user.assignRoles(c.roles());
        user.belongTo(c.customerId());
        user.contact(AccountRules.trimToNull(c.email()), AccountRules.trimToNull(c.mobile()));
        return user;
    }
}
