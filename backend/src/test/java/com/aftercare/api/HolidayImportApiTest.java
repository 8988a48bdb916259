package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.calendar.HolidayService;
import com.fasterxml.jackson.databind.JsonNode;
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
        assertThat(bad.errorFields()).containsExactly("days[0].date");
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

    @Test
    void aYearReadsByHolidayWithItsMakeUpWorkdaysAndWhereItCameFrom() {
        ApiClient.Response shipped = api.get("t-sup", "/api/calendar/holidays/2026");
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.body().path("source").asText()).isEqualTo("SHIPPED");
        assertThat(shipped.body().path("offDays").asInt()).isEqualTo(33);
        assertThat(shipped.body().path("makeUpDays").asInt()).isEqualTo(6);
        JsonNode springFestival = StreamSupport.stream(shipped.body().path("holidays").spliterator(), false)
                .filter(h -> h.path("name").asText().equals("春节")).findFirst().orElseThrow();
        assertThat(springFestival.path("offDays")).hasSize(9);
        assertThat(springFestival.path("makeUpDays").toString()).isEqualTo("[\"2026-02-14\",\"2026-02-28\"]");
        assertThat(shipped.body().path("holidays").get(0).path("name").asText()).isEqualTo("元旦");

        ApiClient.Response unknown = api.get("t-admin", "/api/calendar/holidays/2099");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("2099");
        assertThat(api.get("t-eng", "/api/calendar/holidays/2026").status()).isEqualTo(403);

        assertThat(api.post("t-admin", "/api/calendar/holidays", YEAR_2033).status()).isEqualTo(201);
        ApiClient.Response imported = api.get("t-desk", "/api/calendar/holidays/2033");
        assertThat(imported.body().path("source").asText()).isEqualTo("IMPORTED");
        assertThat(imported.body().path("importedBy").asText()).isEqualTo("t-admin");
        assertThat(imported.body().path("importedAt").isMissingNode()).isFalse();
    }

    @Test
    void aPreviewChecksLikeTheImportAndStoresNothing() {
        assertThat(api.post("t-sup", "/api/calendar/holidays/preview", YEAR_2034).status()).isEqualTo(403);
        ApiClient.Response preview = api.post("t-admin", "/api/calendar/holidays/preview", YEAR_2034);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().path("year").asInt()).isEqualTo(2034);
        assertThat(preview.body().path("offDays").asInt()).isEqualTo(2);
        assertThat(preview.body().path("makeUpDays").asInt()).isEqualTo(1);
        assertThat(preview.body().path("replaces").isMissingNode() || preview.body().path("replaces").isNull()).isTrue();
        assertThat(preview.body().path("holidays").get(1).path("makeUpDays").toString()).isEqualTo("[\"2034-02-11\"]");
        assertThat(holidays.current().yearsCovered()).doesNotContain(2034);
        assertThat(api.get("t-admin", "/api/calendar/holidays/2034").status()).isEqualTo(404);

        assertThat(api.post("t-admin", "/api/calendar/holidays/preview", YEAR_2034.replace("2034", "2026")).body()
                .path("replaces").asText()).isEqualTo("SHIPPED");
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("", "body", "请选择或粘贴一年的放假安排"),
                Arguments.of("{\"year\": 2035, \"days\": [", "body", "不是有效的 JSON"),
                Arguments.of("[1, 2]", "body", "应为一年的放假安排"),
                Arguments.of("{\"year\": \"2035\", \"days\": []}", "year", "缺少年份，或年份不是整数"),
                Arguments.of("{\"year\": 20350, \"days\": [{\"date\": \"2035-01-01\", \"isOffDay\": true}]}", "year",
                        "年份 20350 不在 2000–2100 之间"),
                Arguments.of("{\"year\": 2035}", "days", "2035 年的日期列表缺失或为空"),
                Arguments.of("{\"year\": 2035, \"days\": [" + "{\"date\": \"2035-01-01\", \"isOffDay\": true},".repeat(367)
                        + "{\"date\": \"2035-01-01\", \"isOffDay\": true}]}", "days", "列了 368 条日期"),
                Arguments.of(day("元旦", "2035-02-30", "true"), "days[1].date", "第 2 条的日期“2035-02-30”无效"),
                Arguments.of(day("元旦", "2036-01-01", "true"), "days[1].date", "第 2 条的日期 2036-01-01 不在 2035 年内"),
                Arguments.of(day("元旦", "2035-01-02", "\"yes\""), "days[1].isOffDay", "第 2 条（2035-01-02）没有注明是放假还是调休上班"),
                Arguments.of(day("元旦", "2035-01-01", "false"), "days[1].isOffDay", "2035-01-01 既列为放假又列为调休上班"),
                Arguments.of("{\"year\": 2035, \"days\": [" + "{\"date\": \"2035-01-01\", \"isOffDay\": true},".repeat(12_000)
                        + "{\"date\": \"2035-01-01\", \"isOffDay\": true}]}", "body", "超过 200000 个字符"));
    }

    /** 2035 with 元旦 as the first entry and one more. */
    private static String day(String name, String date, String offDay) {
        return "{\"year\": 2035, \"days\": [{\"name\": \"元旦\", \"date\": \"2035-01-01\", \"isOffDay\": true}, "
                + "{\"name\": \"" + name + "\", \"date\": \"" + date + "\", \"isOffDay\": " + offDay + "}]}";
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badDocuments")
    void badDocumentsAre400NamingTheFieldInChineseAndStoreNothing(String json, String field, String message) {
        for (String path : List.of("/api/calendar/holidays/preview", "/api/calendar/holidays")) {
            ApiClient.Response bad = api.post("t-admin", path, json);
            assertThat(bad.status()).as(path).isEqualTo(400);
            assertThat(bad.errorFields()).as(path).containsExactly(field);
            assertThat(bad.body().path("errors").get(0).path("message").asText()).as(path).contains(message);
        }
        assertThat(holidays.current().yearsCovered()).doesNotContain(2035);
    }

    @Test
    void anEnglishReaderGetsTheProblemInEnglish() {
        ApiClient.Response bad = api.post("t-admin", "/api/calendar/holidays", day("元旦", "2036-01-01", "true"),
                Map.of("Accept-Language", "en"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("errors").get(0).path("message").asText()).isEqualTo("Entry 2: date 2036-01-01 is not in 2035");
    }

    private static final String YEAR_2033 = """
            {"year": 2033, "days": [{"name": "元旦", "date": "2033-01-01", "isOffDay": true}]}""";
    private static final String YEAR_2034 = """
            {"year": 2034, "days": [
              {"name": "元旦", "date": "2034-01-01", "isOffDay": true},
              {"name": "春节", "date": "2034-02-11", "isOffDay": false},
              {"name": "春节", "date": "2034-02-19", "isOffDay": true}
            ]}""";
}
