package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.aftercare.support.IntegrationTest;

/**
 * A rate limit's count is committed without waiting for PostgreSQL's WAL flush, and only that transaction (ADR
 * 0088): every request of one caller waits for the bucket row's lock, so a durable commit there would line a
 * monitoring system's parallel reports up behind one disk flush each. The connection goes back to the pool
 * durable, for the case data the next borrower writes.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "synchronous_commit is PostgreSQL's; H2 keeps the counts in memory")
class RateLimitCommitsTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @Test
    void aCountIsCommittedWithoutWaitingForTheDiskAndLeavesItsConnectionDurable() throws SQLException {
        List<String> atCommit = new ArrayList<>();
        try (Connection real = dataSource.getConnection()) {
            // every borrow of this store gets the same connection, which records the setting its commits ran under
            Connection watched = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!real.getAutoCommit()) {
                                real.rollback(); // nothing left open, as a pool would leave it
                                real.setAutoCommit(true);
                            }
                            return null;
                        }
                        if (method.getName().equals("commit")) {
                            atCommit.add(synchronousCommit(real));
                        }
                        return method.invoke(real, args);
                    });
            RateLimitStore store = new RateLimitStore(new DelegatingDataSource(dataSource) {
                @Override
                public Connection getConnection() {
                    return watched;
                }
            }, clock, "database", 10_000);
            Buckets intake = store.buckets("intake-commit-test", Duration.ofMinutes(1),
                    l -> l.capacity(2).refillIntervally(2, Duration.ofMinutes(1)));
            String caller = "token:" + System.nanoTime();

            // a caller's first request makes its bucket's row (an insert, committed durably: once per caller and minute)
            assertThat(intake.of(caller).tryConsume(1)).isTrue();
            atCommit.clear();
            assertThat(intake.of(caller).tryConsume(1)).isTrue();
            assertThat(intake.of(caller).tryConsume(1)).as("the counts were kept: the third in the minute is refused").isFalse();

            assertThat(atCommit).as("the commits of the counts after the first").isNotEmpty().containsOnly("off");
            assertThat(synchronousCommit(real)).as("the connection afterwards, as the next borrower gets it").isEqualTo("on");
        }
    }

    private static String synchronousCommit(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show synchronous_commit")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
