package com.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.api.ApiClient;
import com.aftercare.support.H2Only;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A newcomer to the demo finds the command centre's configuration items (RP-4) and sees what NVR-01's failure takes
 * down, through the items in between. Same settings as DemoReportsAndSurveysTest, so the two share one demo application.
 */
@H2Only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-reports;DB_CLOSE_DELAY=-1"})
class DemoConfigItemsTest extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    void theDemoRecorderHoldsUpTheStorageThePlatformAndThe110Sharing() {
        assertThat(jdbc.queryForList("select name from config_item order by id", String.class))
                .containsExactly("录像存储服务", "视频监控平台", "公安视频专网", "110 视频联网共享");
        long nvr = jdbc.queryForObject("select id from device where name = 'NVR-01'", Long.class);
        JsonNode impact = new ApiClient(rest).get("t-desk", "/api/devices/" + nvr + "/config-items").body();
        assertThat(impact.findValuesAsText("itemName")).containsExactly("录像存储服务", "视频监控平台", "110 视频联网共享");
        assertThat(jdbc.queryForObject("select count(*) from config_item_event where action = 'EDITED' and field = 'version'"
                + " and new_value = 'iVMS-8700 V3.4'", Long.class)).isEqualTo(1);
        // the unit's graph: four items, the four devices they rest on, the field job's camera with its open case
        long unit = jdbc.queryForObject("select customer_id from config_item where name = '视频监控平台'", Long.class);
        JsonNode graph = new ApiClient(rest).get("t-sup", "/api/config-items/graph?customerId=" + unit).body();
        assertThat(graph.path("nodes").findValuesAsText("name")).containsExactlyInAnyOrder("录像存储服务", "视频监控平台", "公安视频专网",
                "110 视频联网共享", "NVR-01", "UPS-01", "核心交换机 SW-01", "摄像机 C-01（1号路口）");
        assertThat(graph.path("edges")).hasSize(8);
        for (JsonNode node : graph.path("nodes")) {
            assertThat(node.path("openCases").asLong()).as(node.path("name").asText())
                    .isEqualTo(node.path("name").asText().startsWith("摄像机 C-01") ? 1 : 0);
        }
    }
}
