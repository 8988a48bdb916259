package com.aftercare.apitoken;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An admin issues an API token for a machine client: a name, the one role it acts in, and for a customer's token the
 * customer unit it is limited to. The token is made here and returned this once; only its SHA-256 is stored. Not an
 * administrator's token: an admin signs in as a person, so what a leaked token can do stays bounded.
 */
@Service
public class IssueApiToken {

    /** What the admin asks for; {@code customerId} only (and always) with role CUSTOMER. */
    @Schema(name = "IssueApiTokenCommand")
    public record Command(String name, Role role, Long customerId) {
    }

    /** The new token's record and the token itself, which is never shown again. */
    public record Issued(ApiToken apiToken, String token) {
    }

    private final ApiTokenRepository tokens;
    private final AssetService assets;
    private final Clock clock;

    IssueApiToken(ApiTokenRepository tokens, AssetService assets, Clock clock) {
        this.tokens = tokens;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public Issued issue(Command c) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        String name = c.name() == null ? "" : c.name().strip();
        if (name.isEmpty() || name.length() > 60 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new BadRequestException.FieldError("name", "1 to 60 characters without control characters"));
        }
        if (c.role() == null) {
            errors.add(new BadRequestException.FieldError("role", "required: the role the client acts in"));
        } else if (c.role() == Role.ADMIN) {
            errors.add(new BadRequestException.FieldError("role", "no token acts as an administrator"));
        } else if (c.role() == Role.CUSTOMER) {
            if (c.customerId() == null) {
                errors.add(new BadRequestException.FieldError("customerId", "a customer's token belongs to a customer unit"));
            } else if (assets.customers().stream().noneMatch(x -> x.getId().equals(c.customerId()))) {
                errors.add(new BadRequestException.FieldError("customerId", "unknown customer " + c.customerId()));
            }
        } else if (c.customerId() != null) {
            errors.add(new BadRequestException.FieldError("customerId", "only a customer's token (role CUSTOMER) belongs to a customer unit"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        if (tokens.existsByName(name)) {
            throw new ConflictException("A token named " + name + " exists already; choose another name");
        }
        String token = ApiTokenHash.newToken();
        ApiToken saved = tokens.save(new ApiToken(name, ApiTokenHash.sha256(token), ApiTokenHash.displayPrefix(token), c.role(),
                c.customerId(), CurrentUser.username(), clock.instant()));
        tokens.flush();
        tokens.insertUse(saved.getId());
        return new Issued(saved, token);
    }
}
