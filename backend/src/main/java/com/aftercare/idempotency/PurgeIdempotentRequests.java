package com.aftercare.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Forgets Idempotency-Keys once no client could still be retrying with them. A phone that lost its signal
 * retries within minutes, a monitoring system within hours; a week is far beyond both, and without a purge
 * the table grew by one row per completed form for ever. Safe on several nodes at once: the delete is the
 * same whoever runs it.
 */
@Service
public class PurgeIdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(PurgeIdempotentRequests.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration keep;

    PurgeIdempotentRequests(JdbcTemplate jdbc, Clock clock,
            @Value("${aftercare.idempotency.keep:P7D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${aftercare.idempotency.purge-interval-ms:3600000}", initialDelay = 60_000)
    void poll() {
        purge();
    }

    /** Deletes the keys older than the keeping time; returns how many. */
    public int purge() {
        int deleted = jdbc.update("delete from idempotent_request where created_at < ?",
                Timestamp.from(clock.instant().minus(keep)));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys older than {}", deleted, keep);
        }
        return deleted;
    }
}
