package com.aftercare.apitoken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.aftercare.identity.MachineTokens;
import com.aftercare.identity.Role;

/**
 * Checks an API token on each request (sign-in's {@link MachineTokens} port): SHA-256 of the token, one read by the
 * unique hash among the active tokens. Nothing is cached, so a revocation holds from the next request on, on every
 * node. The read is one plain JDBC statement in auto-commit, not a JPA query in a transaction: it runs before every
 * machine client's request, and through Spring Data JPA (transaction, entity manager, mapped entity) it was about a
 * fifth of a light request's CPU (ADR 0087). The last use is written at most once a minute per token and node, so a
 * busy client does not turn every read into a write.
 */
@Service
class AuthenticateApiToken implements MachineTokens {

    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    private static final String ACTIVE_BY_HASH =
            "select id, name, role, customer_id from api_token where token_sha256 = ? and revoked_at is null";
    /** The last use, moved only forward (two nodes or threads may write at once). */
    private static final String MARK_USED =
            "update api_token_use set last_used_at = ? where token_id = ? and (last_used_at is null or last_used_at < ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Instant> lastWritten = new ConcurrentHashMap<>();

    AuthenticateApiToken(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<MachineClient> authenticate(String token) {
        if (!MachineTokens.looksLikeToken(token) || token.length() > 100) {
            return Optional.empty();
        }
        List<MachineClient> found = jdbc.query(ACTIVE_BY_HASH, (rs, row) -> new MachineClient(rs.getLong("id"),
                rs.getString("name"), Role.valueOf(rs.getString("role")), rs.getObject("customer_id", Long.class)),
                ApiTokenHash.sha256(token));
        found.stream().findFirst().ifPresent(client -> noteUse(client.tokenId()));
        return found.stream().findFirst();
    }

    private void noteUse(long tokenId) {
        Instant now = clock.instant();
        Instant written = lastWritten.get(tokenId);
        if (written == null || !now.isBefore(written.plus(LAST_USE_GRANULARITY))) {
            lastWritten.put(tokenId, now);
            // a timestamp with time zone, as an offset time: the same instant whatever the JVM's or session's zone
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            jdbc.update(MARK_USED, at, tokenId, at);
        }
    }
}
