package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aftercare.support.MutableClock;

import io.github.bucket4j.Bucket;

/**
 * Two nodes on one database share one count (issue 17, ADR 0054): failures on either node lock a user name on both,
 * fault reports on either node spend one caller's minute, and parallel callers never get more than the limit. Two
 * {@link RateLimitStore}s on one H2 database stand for two nodes (the same SQL runs on PostgreSQL, where
 * ClusterFailoverTest checks it between two real nodes).
 */
class SharedRateLimitsTest {

    final MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));
    JdbcConnectionPool database;

    @BeforeEach
    void database() throws SQLException {
        database = JdbcConnectionPool.create("jdbc:h2:mem:limits" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table rate_limit_bucket (id varchar(300) primary key, state varbinary, expires_at bigint)");
        }
    }

    @AfterEach
    void close() {
        database.dispose();
    }

    RateLimitStore node() {
        return new RateLimitStore(database, clock, "database", 10_000);
    }

    @Test
    void failuresOnTwoNodesLockTheNameOnBoth() {
        RateLimitStore a = node();
        RateLimitStore b = node();
        assertThat(a.shared()).isTrue();
        SignInThrottle onA = new SignInThrottle(a, 10, Duration.ofMinutes(5));
        SignInThrottle onB = new SignInThrottle(b, 10, Duration.ofMinutes(5));

        for (int i = 0; i < 5; i++) {
            onA.recordFailure("li.lei");
            onB.recordFailure("Li.Lei ");
        }
        assertThat(onB.retryAfterSeconds("li.lei")).as("five failures on each node lock the name everywhere").isBetween(1L, 300L);
        assertThat(onA.retryAfterSeconds("LI.LEI")).isBetween(1L, 300L);
        assertThat(onA.retryAfterSeconds("han.meimei")).as("another name is free").isZero();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(onB.retryAfterSeconds("li.lei")).as("the window over, the name may try again").isZero();
    }

    @Test
    void nineFailuresDoNotLock() {
        SignInThrottle onA = new SignInThrottle(node(), 10, Duration.ofMinutes(5));
        SignInThrottle onB = new SignInThrottle(node(), 10, Duration.ofMinutes(5));
        for (int i = 0; i < 9; i++) {
            (i % 2 == 0 ? onA : onB).recordFailure("li.lei");
        }
        assertThat(onA.retryAfterSeconds("li.lei")).isZero();
        assertThat(onB.retryAfterSeconds("li.lei")).isZero();
    }

    @Test
    void parallelReportsOnTwoNodesGetExactlyTheMinutesAllowance() throws Exception {
        Buckets onA = node().buckets("intake", Duration.ofMinutes(1), l -> l.capacity(60).refillGreedy(60, Duration.ofMinutes(1)));
        Buckets onB = node().buckets("intake", Duration.ofMinutes(1), l -> l.capacity(60).refillGreedy(60, Duration.ofMinutes(1)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Buckets node = i % 2 == 0 ? onA : onB;
                answers.add(callers.submit(() -> node.of("ip:10.0.0.7").tryConsume(1)));
            }
            int allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            assertThat(allowed).as("60 a minute in all, not 60 per node").isEqualTo(60);
        } finally {
            callers.shutdownNow();
        }
        Bucket other = onB.of("ip:10.0.0.8");
        assertThat(other.tryConsume(1)).as("another caller has its own minute").isTrue();
    }

    @Test
    void aPerMinuteLimitIsOneAllowanceForEveryNodeAndEachKey() {
        PerMinuteLimits.PerMinuteLimit onA = new PerMinuteLimits(node()).limit("alarm", 5);
        PerMinuteLimits.PerMinuteLimit onB = new PerMinuteLimits(node()).limit("alarm", 5);
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? onA : onB).take("source:7")).as("request " + (i + 1)).isZero();
        }
        // 5 a minute come back one every 12 s
        assertThat(onA.take("source:7")).as("the sixth on either node").isEqualTo(12);
        assertThat(onB.take("source:7")).isEqualTo(12);
        assertThat(onB.take("source:8")).as("another source has its own minute").isZero();

        clock.advance(Duration.ofSeconds(12));
        assertThat(onB.take("source:7")).as("one back after the wait it was told").isZero();
        assertThat(onA.take("source:7")).isEqualTo(12);
        assertThatThrownBy(() -> new PerMinuteLimits(node()).limit("alarm", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refilledBucketsAreDeleted() {
        RateLimitStore a = node();
        SignInThrottle throttle = new SignInThrottle(a, 10, Duration.ofMinutes(5));
        throttle.recordFailure("li.lei");
        throttle.recordFailure("han.meimei");
        assertThat(throttle.trackedNames()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(6));
        a.removeExpired();
        assertThat(throttle.trackedNames()).as("a name whose bucket refilled is forgotten").isZero();
    }
}
