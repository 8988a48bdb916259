package com.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.support.H2Only;
import com.aftercare.support.IntegrationTest;

/**
 * A newcomer to the demo finds this month's hotline calls (IN-10): every ninth missed, the first missed one called
 * back. Same settings as DemoReportsAndSurveysTest, so the two share one demo application.
 */
@H2Only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-reports;DB_CLOSE_DELAY=-1"})
class DemoHotlineTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void everyNinthDemoCallIsMissedTheFirstCalledBackAndTheOthersCallersGotThroughSoon() {
        long offered = jdbc.queryForObject("select count(*) from hotline_call where call_id like 'demo-%'"
                + " and call_id not like 'demo-again-%'", Long.class);
        long missed = jdbc.queryForObject("select count(*) from hotline_call where call_id like 'demo-%' and answered_at is null", Long.class);
        assertThat(missed).isEqualTo(offered / 9);
        // every missed caller but the first tried again 12 minutes later and got through (unless that is still to come)
        long again = jdbc.queryForObject("select count(*) from hotline_call where call_id like 'demo-again-%'", Long.class);
        assertThat(again).isBetween(Math.max(0, missed - 2), Math.max(0, missed - 1));
        assertThat(jdbc.queryForList("select call_id from hotline_call where callback_at is not null", String.class))
                .isEqualTo(missed == 0 ? java.util.List.of() : java.util.List.of("demo-8"));
    }
}
