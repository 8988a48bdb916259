package com.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.support.H2Only;
import com.aftercare.support.IntegrationTest;

/**
 * A newcomer to the demo finds change requests at each of their first steps (RP-5): one announced to the demo customer
 * (its user was told), one waiting for its test, one waiting for the supervisor. Same settings as
 * DemoReportsAndSurveysTest, so the two share one demo application.
 */
@H2Only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-reports;DB_CLOSE_DELAY=-1"})
class DemoChangesTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void theDemoHasAnAnnouncedChangeOneWaitingForItsTestAndOneForApproval() {
        List<String> statuses = jdbc.queryForList("select status from change_request order by id", String.class);
        assertThat(statuses).containsExactly("SCHEDULED", "TESTING", "SUBMITTED");
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_user = 'customer'"
                + " and event_type = 'ChangeAnnounced'", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from change_request where device_ids is not null", Long.class)).isEqualTo(2);
        // the platform migration names the demo's platform item (configuration items load first)
        assertThat(jdbc.queryForList("select i.name from change_request c join config_item i on c.config_item_ids = cast(i.id as varchar(20))"
                + " where c.status = 'TESTING'", String.class)).containsExactly("视频监控平台");
    }

    @Test
    void theDemoStockHasTwoCamerasOnTheirWayToTheCountyPoint() {
        assertThat(jdbc.queryForList("select w.code from stock_transfer t join stock_warehouse w on w.id = t.to_warehouse_id"
                + " where t.status = 'IN_TRANSIT' and t.quantity = 2", String.class)).containsExactly("SP-02");
    }
}
