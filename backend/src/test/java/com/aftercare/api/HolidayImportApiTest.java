package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.calendar.HolidayService;
import com.aftercare.support.IntegrationTest;

/** An admin imports next year's holidays when the State Council publishes them; the gap is reported until then. */
class HolidayImportApiTest extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    HolidayService holidays;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void missingYearIsReportedAndAnImportFillsIt() {
        String year2031 = """
                {"year": 2031, "papers": [], "days": [
                  {"name": "元旦", "date": "2031-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2031-01-25", "isOffDay": false}
                ]}""";
        assertThat(api.get("t-desk", "/api/calendar/holidays").body().path("yearsCovered").toString()).contains("2024", "2025", "2026");

        assertThat(api.post("t-desk", "/api/calendar/holidays", year2031).status()).isEqualTo(403);
        ApiClient.Response bad = api.post("t-admin", "/api/calendar/holidays", "{\"year\": 2031, \"days\": [{\"date\": \"2032-01-01\", \"isOffDay\": true}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("body");
        assertThat(holidays.current().yearsCovered()).doesNotContain(2031);

        ApiClient.Response ok = api.post("t-admin", "/api/calendar/holidays", year2031);
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.body().path("year").asInt()).isEqualTo(2031);
        assertThat(holidays.current().yearsCovered()).contains(2031);
        assertThat(holidays.current().isOffDay(java.time.LocalDate.of(2031, 1, 1))).isTrue();
        assertThat(holidays.current().isMakeUpWorkday(java.time.LocalDate.of(2031, 1, 25))).isTrue();
        // importing the same year again (a corrected notice) replaces it
        assertThat(api.post("t-admin", "/api/calendar/holidays", year2031).status()).isEqualTo(201);
    }
}
