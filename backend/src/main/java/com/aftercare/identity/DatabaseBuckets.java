package com.aftercare.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderCapacityStage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Token buckets kept in the table {@code rate_limit_bucket}, shared by every node on the database. Bucket4j does
 * the arithmetic and the (de)serialization of each bucket's state; this class only gives it Bucket4j's
 * "select for update" protocol over plain JDBC: lock the key's row, read the state, write the new state, commit.
 * Bucket4j's own PostgreSQL module does the same but is not published for the Bucket4j version used here and
 * does not run on H2; the SQL below runs on both (ADR 0054).
 *
 * <p>Each call takes a pooled connection for one short transaction of its own, outside any request
 * transaction: a refused sign-in must stay counted even when the request that counted it fails. A row not
 * written for {@code idle} (the time its bucket takes to refill) is deleted by {@link RateLimitStore}, so the table
 * stays small whatever user names an attacker tries.
 */
final class DatabaseBuckets implements Buckets {

    private final String kind;
    private final BucketConfiguration configuration;
    private final Proxies proxies;

    DatabaseBuckets(DataSource dataSource, boolean postgres, Clock clock, String kind, Duration idle,
            Function<BandwidthBuilderCapacityStage, BandwidthBuilderBuildStage> limit) {
        this.kind = kind;
        this.configuration = BucketConfiguration.builder().addLimit(limit).build();
        this.proxies = new Proxies(dataSource, postgres, clock, idle);
    }

    @Override
    public Bucket of(String key) {
        return proxies.builder().build(id(key), () -> configuration);
    }

    @Override
    public Bucket existing(String key) {
        // reading the configuration neither creates nor changes the row
        return proxies.getProxyConfiguration(id(key)).isPresent() ? of(key) : null;
    }

    @Override
    public long trackedKeys() {
        return proxies.count(kind + ":%");
    }

    private String id(String key) {
        String id = kind + ":" + key;
        // the column holds 300 characters; longer keys (absurd user names) share a bucket by their hash
        return id.length() <= 300 ? id : kind + ":#" + Integer.toHexString(key.hashCode()) + ":" + key.substring(0, 200);
    }

    /** Bucket4j's proxy manager over {@code rate_limit_bucket}. */
    private static final class Proxies extends AbstractSelectForUpdateBasedProxyManager<String> {

        private final DataSource dataSource;
        private final boolean postgres;
        private final Clock clock;
        private final Duration idle;

        Proxies(DataSource dataSource, boolean postgres, Clock clock, Duration idle) {
            super(ClientSideConfig.getDefault().withClientClock(new ClockTime(clock)));
            this.dataSource = dataSource;
            this.postgres = postgres;
            this.clock = clock;
            this.idle = idle;
        }

        @Override
        public void removeProxy(String key) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("delete from rate_limit_bucket where id = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not remove rate-limit bucket", e);
            }
        }

        @Override
        public boolean isExpireAfterWriteSupported() {
            return true;
        }

        long count(String pattern) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement count = c.prepareStatement("select count(*) from rate_limit_bucket where id like ?")) {
                count.setString(1, pattern);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count rate-limit buckets", e);
            }
        }

        @Override
        protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
            try {
                return new RowTransaction(key, dataSource.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("No database connection for the rate limit", e);
            }
        }

        private final class RowTransaction implements SelectForUpdateBasedTransaction {

            private final String key;
            private final Connection connection;

            RowTransaction(String key, Connection connection) {
                this.key = key;
                this.connection = connection;
            }

            @Override
            public void begin(Optional<Long> timeoutNanos) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
                // On PostgreSQL the same statement makes this transaction's commit not wait for the WAL flush (ADR
                // 0088): the row stays locked until the commit returns, and every request of one caller (a monitoring
                // system on one token) waits for that lock in turn, so a durable commit would line them up behind one
                // disk flush each. A count is visible to every node at its commit either way; only a crash of
                // PostgreSQL itself in the next fraction of a second could forget it, which gives a caller a few
                // requests of headroom back and loses nothing the product keeps. is_local: the pooled connection is
                // durable again for whoever borrows it next. Set in the locking read (evaluated for the row it locks;
                // every write of a bucket follows one) rather than in a statement of its own: no extra round trip.
                try (PreparedStatement select = connection.prepareStatement(postgres
                        ? "select state, set_config('synchronous_commit', 'off', true) from rate_limit_bucket where id = ? for update"
                        : "select state from rate_limit_bucket where id = ? for update")) {
                    applyTimeout(select, timeoutNanos);
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not read rate-limit bucket", e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
                // PostgreSQL aborts the whole transaction on a failed insert, so it must not fail there; H2 (which
                // has no ON CONFLICT outside its PostgreSQL mode) keeps the transaction usable after a duplicate key
                String sql = postgres
                        ? "insert into rate_limit_bucket (id, state, expires_at) values (?, null, ?) on conflict (id) do nothing"
                        : "insert into rate_limit_bucket (id, state, expires_at) values (?, null, ?)";
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    applyTimeout(insert, timeoutNanos);
                    insert.setString(1, key);
                    insert.setLong(2, expiresAt());
                    return insert.executeUpdate() > 0;
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        return false; // another node made the row first: lock it on the next round
                    }
                    throw new IllegalStateException("Could not create rate-limit bucket", e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update rate_limit_bucket set state = ?, expires_at = ? where id = ?")) {
                    applyTimeout(update, timeoutNanos);
                    update.setBytes(1, data);
                    update.setLong(2, expiresAt());
                    update.setString(3, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not write rate-limit bucket", e);
                }
            }

            @Override
            public void commit(Optional<Long> timeoutNanos) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(connection::close); // back to the pool, which restores auto-commit
            }

            private long expiresAt() {
                return clock.millis() + idle.toMillis();
            }
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void run(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Rate-limit bucket transaction failed", e);
        }
    }
}
