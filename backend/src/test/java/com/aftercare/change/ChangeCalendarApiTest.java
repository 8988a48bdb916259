package com.aftercare.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The change calendar's question (RP-5, 变更日历): which changes have a window overlapping a range, earliest first,
 * whatever their status; a window touching the range's edge only is not in it; a customer's user gets their unit's
 * announced ones; a range must be whole, forward and at most 62 days.
 */
class ChangeCalendarApiTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2027-05-03T01:00:00Z");
    static final Instant DAY = Instant.parse("2027-05-10T16:00:00Z"); // 11 May 00:00 Beijing

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;
    String customerUser;

    @BeforeEach
    void setUp() {
        api = new ApiClient(rest);
        clock.set(NOW);
        customerUser = "cu-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "钱科长", site.getCustomer().getId());
    }

    private long ask(String title, Instant start, Duration length) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", site.getCustomer().getId());
        body.put("title", title);
        body.put("description", "日历测试");
        body.put("reason", "日历测试");
        body.put("impact", "无");
        body.put("fallback", "无");
        body.put("major", false);
        body.put("plannedStart", start.toString());
        body.put("plannedEnd", start.plus(length).toString());
        body.put("implementer", "t-eng");
        ApiClient.Response r = api.post("t-eng", "/api/changes", body);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private ApiClient.Response range(String user, Instant from, Instant to) {
        return api.get(user, "/api/changes?from=" + from + "&to=" + to);
    }

    private List<String> titles(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().findValuesAsText("title");
    }

    @Test
    void aRangeListsTheWindowsOverlappingItEarliestFirstAndACustomerOnlyTheAnnouncedOnes() {
        String tag = " " + System.nanoTime();
        long late = ask("晚间割接" + tag, DAY.plus(Duration.ofHours(20)), Duration.ofHours(6)); // 20:00 to 02:00 next day
        long early = ask("早间巡检" + tag, DAY.plus(Duration.ofHours(8)), Duration.ofHours(1));
        ask("前一天结束" + tag, DAY.minus(Duration.ofHours(2)), Duration.ofHours(2)); // ends exactly at the day's start
        ask("后一天开始" + tag, DAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), Duration.ofHours(1));

        Instant dayEnd = DAY.plus(Duration.ofDays(1));
        List<String> theDay = titles(range("t-sup", DAY, dayEnd)).stream().filter(t -> t.endsWith(tag)).toList();
        assertThat(theDay).containsExactly("早间巡检" + tag, "晚间割接" + tag);
        // the evening change runs into the next day: it is on both
        List<String> nextDay = titles(range("t-desk", dayEnd, dayEnd.plus(Duration.ofDays(1)))).stream()
                .filter(t -> t.endsWith(tag)).toList();
        assertThat(nextDay).containsExactly("晚间割接" + tag, "后一天开始" + tag);

        // the customer: nothing until a change is announced to them
        assertThat(titles(range(customerUser, DAY, dayEnd))).noneMatch(t -> t.endsWith(tag));
        assertThat(api.post("t-sup", "/api/changes/" + late + "/decision", Map.of("approve", true, "note", "同意")).status())
                .isEqualTo(200);
        assertThat(titles(range(customerUser, DAY, dayEnd)).stream().filter(t -> t.endsWith(tag)).toList())
                .containsExactly("晚间割接" + tag);
        // and a status narrows it
        JsonNode scheduled = api.get("t-sup", "/api/changes?status=SUBMITTED&from=" + DAY + "&to=" + dayEnd).body();
        assertThat(scheduled.findValuesAsText("id")).contains(String.valueOf(early)).doesNotContain(String.valueOf(late));
    }

    @Test
    void aRangeMustBeWholeForwardAndAtMostSixtyTwoDays() {
        assertThat(api.get("t-sup", "/api/changes?from=" + DAY).errorFields()).containsExactly("to");
        assertThat(api.get("t-sup", "/api/changes?to=" + DAY).errorFields()).containsExactly("from");
        assertThat(range("t-sup", DAY, DAY).errorFields()).containsExactly("to");
        assertThat(range("t-sup", DAY, DAY.minusSeconds(1)).errorFields()).containsExactly("to");
        assertThat(range("t-sup", DAY, DAY.plus(Duration.ofDays(62))).status()).isEqualTo(200);
        assertThat(range("t-sup", DAY, DAY.plus(Duration.ofDays(62)).plusSeconds(1)).errorFields()).containsExactly("to");
        assertThat(api.get("t-sup", "/api/changes?from=2027-05&to=" + DAY).errorFields()).containsExactly("from");
    }
}
