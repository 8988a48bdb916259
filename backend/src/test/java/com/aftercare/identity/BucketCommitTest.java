package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.aftercare.support.IntegrationTest;

/**
 * On PostgreSQL a rate-limit bucket's transaction commits without waiting for its WAL flush (ADR 0081), and only that
 * transaction: the connection goes back to the pool with the service's synchronous commit, so a case's transaction on
 * it still waits for the disk. Read on the bucket's own connection just before its commit.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "synchronous_commit is PostgreSQL's; H2 keeps the buckets in memory")
class BucketCommitTest extends IntegrationTest {

    @Autowired DataSource dataSource;

    @Test
    void aBucketsTransactionAloneCommitsWithoutWaitingForTheDisk() throws Exception {
        List<String> atCommit = new CopyOnWriteArrayList<>();
        DataSource recording = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection real = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                        (proxy, method, args) -> {
                            if (method.getName().equals("commit")) {
                                atCommit.add(setting(real));
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        RateLimitStore store = new RateLimitStore(recording, clock, "database", 10_000);
        assertThat(store.shared()).isTrue();
        SignInThrottle throttle = new SignInThrottle(store, 10, Duration.ofMinutes(5));
        throttle.recordFailure("bucket-commit-" + System.nanoTime());

        assertThat(atCommit).as("the bucket's transaction committed at least once").isNotEmpty();
        assertThat(atCommit).as("synchronous_commit inside the bucket's transaction").containsOnly("off");
        try (Connection after = dataSource.getConnection()) {
            assertThat(setting(after)).as("a pooled connection afterwards (a case's transaction)").isEqualTo("on");
        }
    }

    private static String setting(Connection connection) throws java.sql.SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select current_setting('synchronous_commit')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
