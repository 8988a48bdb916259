package com.aftercare.weatherwarning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * PM-3 from a meteorological feed: a warning at or above yellow starts a weather inspection for every site marked
 * prone to its hazard in the areas it names (and no other), tells the desk and the supervisors how many; a resent
 * warning starts nothing again; the same id contradicted is a 409; below yellow it is recorded only; bad input names
 * the field and records nothing.
 */
class WeatherWarningApiTest extends IntegrationTest {

    private static final String BASE = "/api/weather-warnings";
    static final Instant NOW = Instant.parse("2027-06-15T06:00:00Z"); // Tuesday 14:00 in Beijing

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    String area;
    Site proneInArea;
    Site plainInArea;
    Site proneElsewhere;

    @BeforeEach
    void sites() {
        api = new ApiClient(rest);
        clock.set(NOW);
        area = "雷区" + System.nanoTime();
        long customer = site.getCustomer().getId();
        proneInArea = assets.createSite(new NewSite(customer, "山顶基站 " + area, "示范市" + area + "青峰路 1 号", Region.COUNTY, "李工", "123"));
        plainInArea = assets.createSite(new NewSite(customer, "地下机房 " + area, "示范市" + area + "中山路 2 号", Region.COUNTY, "李工", "123"));
        proneElsewhere = assets.createSite(new NewSite(customer, "河边站 " + System.nanoTime(), "示范市别处 3 号", Region.CITY, "李工", "123"));
        mark(proneInArea, true);
        mark(plainInArea, false);
        mark(proneElsewhere, true);
    }

    private void mark(Site s, boolean lightning) {
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/site-hazards/" + s.getId(),
                Map.of("lightning", lightning, "wind", false), Map.of()).status()).isEqualTo(200);
    }

    private Map<String, Object> warning(String id, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceId", id);
        body.put("hazard", "LIGHTNING");
        body.put("level", level);
        body.put("areas", List.of(area));
        body.put("title", "示范市气象台发布雷电黄色预警");
        body.put("description", "预计未来 6 小时内有雷电活动，局地伴有短时强降水");
        body.put("issuedAt", NOW.minusSeconds(600).toString());
        return body;
    }

    private long weatherInspections(Site s) {
        return jdbc.queryForObject("select count(*) from inspection where site_id = ? and kind = 'WEATHER' and hazard = 'LIGHTNING'",
                Long.class, s.getId());
    }

    @Test
    void aYellowWarningStartsAWeatherInspectionForThePronesSitesInItsAreasOnlyAndOnce() {
        String id = "CMA-" + System.nanoTime();
        ApiClient.Response r = api.post("t-desk", BASE, warning(id, "YELLOW"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(r.body().path("inspectionsStarted").asInt()).isEqualTo(1);
        assertThat(r.body().path("areas").get(0).asText()).isEqualTo(area);
        assertThat(weatherInspections(proneInArea)).isEqualTo(1);
        assertThat(weatherInspections(plainInArea)).as("not marked").isZero();
        assertThat(weatherInspections(proneElsewhere)).as("outside the warning's areas").isZero();
        // the desk and the supervisors hear how many, in Chinese, and the bell opens the inspections
        JsonNode bell = api.get("t-desk", "/api/notifications").body();
        assertThat(bell.findValuesAsText("message")).contains(
                "示范市气象台发布雷电黄色预警（雷雨黄色预警）：已为 1 个易受影响的站点发起恶劣天气巡检");
        assertThat(bell.findValuesAsText("page")).contains("/inspections");
        long toldOnce = jdbc.queryForObject("select count(*) from notification where event_type = 'WeatherWarningReceived'"
                + " and recipient_role = 'SUPERVISOR' and created_at >= ?", Long.class, java.sql.Timestamp.from(NOW.minusSeconds(1)));

        // the feed resends it: the same warning, nothing started again, nobody told again
        ApiClient.Response again = api.post("t-desk", BASE, warning(id, "YELLOW"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(r.body().path("id").asLong());
        assertThat(weatherInspections(proneInArea)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notification where event_type = 'WeatherWarningReceived'"
                + " and recipient_role = 'SUPERVISOR' and created_at >= ?", Long.class, java.sql.Timestamp.from(NOW.minusSeconds(1))))
                .isEqualTo(toldOnce);
        // the same id upgraded to red is another warning to the feed: a contradiction here
        ApiClient.Response contradicted = api.post("t-desk", BASE, warning(id, "RED"));
        assertThat(contradicted.status()).isEqualTo(409);
        assertThat(contradicted.detail()).contains(id);
        // a second warning for the same storm finds the inspection open: recorded, none started, the desk told so
        ApiClient.Response second = api.post("t-desk", BASE, warning("CMA-" + System.nanoTime(), "ORANGE"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body().path("inspectionsStarted").asInt()).isZero();
        assertThat(weatherInspections(proneInArea)).isEqualTo(1);
        assertThat(api.get("t-desk", "/api/notifications").body().findValuesAsText("message")).contains(
                "示范市气象台发布雷电黄色预警（雷雨橙色预警）：易受影响的站点都已有未完成的恶劣天气巡检，未新发起");
        // the list: newest first
        assertThat(api.get("t-sup", BASE).body().findValuesAsText("sourceId")).contains(id);
    }

    @Test
    void aBlueWarningIsRecordedOnlyAndBadInputNamesTheFieldAndRecordsNothing() {
        String blue = "CMA-" + System.nanoTime();
        ApiClient.Response r = api.post("t-desk", BASE, warning(blue, "BLUE"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().path("inspectionsStarted").asInt()).isZero();
        assertThat(weatherInspections(proneInArea)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from notification where event_type = 'WeatherWarningReceived'"
                + " and event_params like ?", Long.class, "%BLUE%")).isZero();

        String bad = "CMA-bad-" + System.nanoTime();
        for (String field : List.of("sourceId", "hazard", "level", "title", "issuedAt")) {
            Map<String, Object> body = warning(bad, "YELLOW");
            body.remove(field);
            assertThat(api.post("t-desk", BASE, body).errorFields()).as(field).containsExactly(field);
        }
        // a feed's clock up to five minutes fast is taken, a second more is not
        Map<String, Object> future = warning(bad, "YELLOW");
        future.put("issuedAt", NOW.plusSeconds(301).toString());
        assertThat(api.post("t-desk", BASE, future).errorFields()).containsExactly("issuedAt");
        Map<String, Object> clockFast = warning("CMA-fast-" + System.nanoTime(), "BLUE");
        clockFast.put("issuedAt", NOW.plusSeconds(300).toString());
        assertThat(api.post("t-desk", BASE, clockFast).status()).isEqualTo(201);
        Map<String, Object> blankArea = warning(bad, "YELLOW");
        blankArea.put("areas", List.of(area, " "));
        assertThat(api.post("t-desk", BASE, blankArea).errorFields()).containsExactly("areas[1]");
        // twenty areas of fifty characters are taken; a twenty-first area, or a fifty-first character, is not
        List<String> twentyOne = new java.util.ArrayList<>();
        for (int i = 0; i < ReceiveWeatherWarning.MAX_AREAS + 1; i++) {
            twentyOne.add(i == 0 ? area : "区" + i);
        }
        Map<String, Object> tooManyAreas = warning(bad, "YELLOW");
        tooManyAreas.put("areas", twentyOne);
        assertThat(api.post("t-desk", BASE, tooManyAreas).errorFields()).containsExactly("areas");
        Map<String, Object> longArea = warning(bad, "YELLOW");
        longArea.put("areas", List.of(area, "区".repeat(ReceiveWeatherWarning.MAX_AREA + 1)));
        assertThat(api.post("t-desk", BASE, longArea).errorFields()).containsExactly("areas[1]");
        List<String> twenty = new java.util.ArrayList<>(twentyOne.subList(0, ReceiveWeatherWarning.MAX_AREAS - 1));
        twenty.add("区".repeat(ReceiveWeatherWarning.MAX_AREA));
        Map<String, Object> atTheLimits = warning("CMA-limits-" + System.nanoTime(), "BLUE");
        atTheLimits.put("areas", twenty);
        assertThat(api.post("t-desk", BASE, atTheLimits).status()).isEqualTo(201);
        assertThat(ReceiveWeatherWarning.MAX_AREAS).isEqualTo(20);
        assertThat(ReceiveWeatherWarning.MAX_AREA).isEqualTo(50);
        Map<String, Object> longTitle = warning(bad, "YELLOW");
        longTitle.put("title", "预".repeat(201));
        assertThat(api.post("t-desk", BASE, longTitle).errorFields()).containsExactly("title");
        Map<String, Object> unknownLevel = warning(bad, "PURPLE");
        assertThat(api.post("t-desk", BASE, unknownLevel).status()).isEqualTo(400);
        assertThat(api.post("t-eng", BASE, warning(bad, "YELLOW")).status()).isEqualTo(403);
        assertThat(api.get("t-eng", BASE).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from weather_warning where source_id = ?", Long.class, bad)).isZero();
        assertThat(weatherInspections(proneInArea)).isZero();
    }

    @Test
    void theListShowsTheHundredNewestWarnings() {
        // old warnings of their own (1990), so that they sort after every other test's and push none of them out
        java.sql.Timestamp old = java.sql.Timestamp.from(Instant.parse("1990-06-01T00:00:00Z"));
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < ReadWeatherWarnings.MAX_LISTED + 1; i++) {
            rows.add(new Object[] { "CMA-old-" + System.nanoTime() + "-" + i, java.sql.Timestamp.from(old.toInstant().plusSeconds(i)), old });
        }
        jdbc.batchUpdate("insert into weather_warning (source_id, hazard, level, areas, title, issued_at, received_at, received_by,"
                + " inspections_started) values (?, 'LIGHTNING', 'BLUE', null, '旧预警', ?, ?, 't-desk', 0)", rows);
        String newest = "CMA-newest-" + System.nanoTime();
        Map<String, Object> body = warning(newest, "BLUE");
        body.put("issuedAt", NOW.toString());
        assertThat(api.post("t-desk", BASE, body).status()).isEqualTo(201);

        com.fasterxml.jackson.databind.JsonNode listed = api.get("t-desk", BASE).body();
        assertThat(listed).hasSize(100);
        assertThat(ReadWeatherWarnings.MAX_LISTED).isEqualTo(100);
        assertThat(listed.findValuesAsText("issuedAt").stream().map(Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(listed.findValuesAsText("sourceId")).doesNotContain((String) rows.get(0)[0]);
    }
}
