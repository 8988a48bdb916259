package com.aftercare.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A retry within the keeping time is still recognised; older keys are forgotten. Plain H2, the table as V24 makes it. */
class PurgeIdempotentRequestsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    private JdbcTemplate jdbc;
    private IdempotentRequestRepository requests;

    @BeforeEach
    void table() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:purge" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table idempotent_request (scope varchar(40) not null, idempotency_key varchar(100) not null,"
                + " fingerprint varchar(64) not null, caller varchar(100) not null, response_status integer not null,"
                + " created_at timestamp not null, primary key (scope, idempotency_key))");
        requests = new IdempotentRequestRepository(jdbc);
    }

    @Test
    void keysOlderThanTheKeepingTimeAreForgottenAndYoungerOnesStillReplay() {
        remember("old", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        remember("edge", NOW.minus(Duration.ofDays(7)).plusSeconds(1));
        remember("fresh", NOW.minus(Duration.ofMinutes(5)));

        int deleted = new PurgeIdempotentRequests(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(7)).purge();

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.queryForList("select idempotency_key from idempotent_request order by idempotency_key", String.class))
                .isEqualTo(List.of("edge", "fresh"));
        ReplayIdempotentRequest replay = new ReplayIdempotentRequest(requests);
        assertThat(replay.replay("task-complete", "fresh", "f-fresh")).contains(204);
        assertThat(replay.replay("task-complete", "old", "f-old")).isEmpty();
    }

    private void remember(String key, Instant at) {
        requests.insert("task-complete", key, new IdempotentRequestRepository.Row("f-" + key, "desk", 204), at);
    }
}
