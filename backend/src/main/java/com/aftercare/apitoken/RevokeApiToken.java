package com.aftercare.apitoken;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/** Revokes an API token: it answers 401 from the next request on (every request looks the token up). Idempotent. */
@Service
public class RevokeApiToken {

    private final ApiTokenRepository tokens;
    private final Clock clock;

    RevokeApiToken(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public ApiToken revoke(Long id) {
        ApiToken token = tokens.findById(id).orElseThrow(() -> new NotFoundException("No API token " + id));
        if (token.isActive()) {
            token.revoke(CurrentUser.username(), clock.instant());
        }
        return token;
    }
}
