package com.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.support.H2Only;
import com.aftercare.support.IntegrationTest;

/**
 * A newcomer to the demo finds a closed security incident with its whole course and one waiting for a supervisor (RP-6).
 * Same settings as DemoReportsAndSurveysTest, so the two share one demo application.
 */
@H2Only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-reports;DB_CLOSE_DELAY=-1"})
class DemoSecurityIncidentsTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void oneIncidentIsClosedWithItsWholeCourseAndOneWaitsForASupervisor() {
        List<Map<String, Object>> incidents = jdbc.queryForList(
                "select id, status, reported_by, handler, customer_told_at from security_incident order by id");
        assertThat(incidents).extracting(i -> i.get("status")).containsExactly("CLOSED", "REPORTED");
        assertThat(incidents).extracting(i -> i.get("reported_by")).containsExactly("supervisor", "desk");
        assertThat(incidents.get(0).get("handler")).isEqualTo("supervisor");
        assertThat(jdbc.queryForList("select action from security_incident_event where incident_id = ? order by id",
                String.class, incidents.get(0).get("id"))).containsExactly("REPORTED", "TAKEN", "CUSTOMER_TOLD", "CLOSED");
    }
}
