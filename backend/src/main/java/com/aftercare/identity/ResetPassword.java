package com.aftercare.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;

/** An administrator sets a new password for a local account (the user then signs in with it). Not with Keycloak. */
@Service
public class ResetPassword {

    @Schema(name = "ResetPasswordCommand")
    public record Command(@NotBlank @Size(min = AccountRules.MIN_PASSWORD, max = 200) String password) {
    }

    private final AccountRules rules;

    ResetPassword(AccountRules rules) {
        this.rules = rules;
    }

    @Transactional
    public void reset(String username, Command c) {
        if (!rules.localAccounts()) {
            throw ConflictException.of("passwordsInKeycloak");
        }
        AppUser user = rules.existing(username);
        user.changePasswordHash(rules.passwordHash(c.password(), true));
    }
}
