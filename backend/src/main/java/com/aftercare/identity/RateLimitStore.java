package com.aftercare.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;

/**
 * Where the sign-in throttle and the intake limit keep their buckets ({@code aftercare.security.rate-limit.store}):
 * {@code database} = table {@code rate_limit_bucket}, one count for all nodes, so five failures on node A and five on
 * node B lock a name as ten on one node would; {@code memory} = this node only ({@link BoundedBuckets});
 * {@code auto} (default) = database on PostgreSQL, memory on H2, whose file only one node can open (ADR 0054).
 */
@Component
class RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RateLimitStore.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final long maxKeys;
    private final boolean shared;
    private final boolean postgres;

    RateLimitStore(DataSource dataSource, Clock clock, @Value("${aftercare.security.rate-limit.store:auto}") String store,
            @Value("${aftercare.security.rate-limit.max-keys:10000}") long maxKeys) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxKeys = maxKeys;
        this.postgres = isPostgres(dataSource);
        this.shared = switch (store.trim().toLowerCase(Locale.ROOT)) {
            case "database" -> true;
            case "memory" -> false;
            case "auto" -> postgres;
            default -> throw new IllegalArgumentException(
                    "aftercare.security.rate-limit.store must be auto, database or memory, not \"" + store + "\"");
        };
    }

    /** Whether the counts are shared by every node on the database. */
    boolean shared() {
        return shared;
    }

    /**
     * Buckets of one limit.
     *
     * @param kind  prefix of the keys in the table ("sign-in", "intake")
     * @param idle  how long an unused key is kept: at least its bucket's refill time, so forgetting it changes nothing
     */
    Buckets buckets(String kind, Duration idle, Function<BandwidthBuilderCapacityStage, BandwidthBuilderBuildStage> limit) {
        return shared ? new DatabaseBuckets(dataSource, postgres, clock, kind, idle, limit)
                : new BoundedBuckets(clock, maxKeys, idle, bucket -> bucket.addLimit(limit));
    }

    /** Forgets keys whose bucket has refilled (every node runs this; deleting twice is harmless). */
    @Scheduled(fixedDelayString = "${aftercare.security.rate-limit.cleanup-interval-ms:60000}")
    void removeExpired() {
        if (!shared) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from rate_limit_bucket where expires_at < ?")) {
            delete.setLong(1, clock.millis());
            delete.executeUpdate();
        } catch (SQLException e) {
            log.warn("Could not delete expired rate-limit buckets: {}", e.getMessage());
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        }
    }
}
