package com.aftercare.identity;

import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;

/** An administrator creates a staff account or a customer's user (one unit). With Keycloak: the local record only. */
@Service
public class CreateAccount {

    @Schema(name = "CreateAccountCommand")
    public record Command(
            @NotBlank @Pattern(regexp = AccountRules.USERNAME, message = "2-100 letters, digits or . _ @ -") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotEmpty Set<@NotNull Role> roles,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "[0-9+() -]{0,40}", message = "digits, spaces and + ( ) - only") String mobile,
            Long customerId,
            @Size(max = 200) String password) {
    }

    private final AppUserRepository users;
    private final AccountRules rules;

    CreateAccount(AppUserRepository users, AccountRules rules) {
        this.users = users;
        this.rules = rules;
    }

    @Transactional
    public AppUser create(Command c) {
        rules.checkUnit(c.roles(), c.customerId());
        String hash = rules.passwordHash(c.password(), true);
        if (users.existsById(c.username())) {
            throw ConflictException.of("usernameTaken", Map.of("username", c.username()));
        }
        AppUser user = new AppUser(c.username(), hash, c.displayName().trim(), c.roles());
        user.belongTo(c.customerId());
        user.contact(AccountRules.trimToNull(c.email()), AccountRules.trimToNull(c.mobile()));
        return users.save(user);
    }
}
