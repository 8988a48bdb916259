package com.aftercare.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.MachineTokens;

/**
 * Checks an API token on each request (sign-in's {@link MachineTokens} port): SHA-256 of the token, one read by the
 * unique hash among the active tokens. Nothing is cached, so a revocation holds from the next request on. The last
 * use is written at most once a minute per token and node, so a busy client does not turn every read into a write.
 */
@Service
class AuthenticateApiToken implements MachineTokens {

    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> lastWritten = new ConcurrentHashMap<>();

    AuthenticateApiToken(ApiTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<MachineClient> authenticate(String token) {
        if (!MachineTokens.looksLikeToken(token) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByTokenSha256AndRevokedAtIsNull(ApiTokenHash.sha256(token));
        found.ifPresent(this::noteUse);
        return found.map(t -> new MachineClient(t.getId(), t.getName(), t.getRole(), t.getCustomerId()));
    }

    private void noteUse(ApiToken token) {
        Instant now = clock.instant();
        Instant written = lastWritten.get(token.getId());
        if (written == null || !now.isBefore(written.plus(LAST_USE_GRANULARITY))) {
            lastWritten.put(token.getId(), now);
            tokens.markUsed(token.getId(), now);
        }
    }
}
