package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Contract terms over HTTP: which days and hours each shipped calendar counts, office hours set per contract,
 * and open tickets keeping the terms they were opened under until a process owner applies a change to them.
 * Every ticket runs the DESK_HOURS policy: the response is due within 1 working hour (SLA-4). Dates are
 * the shipped 2026 holiday data: National Day 1–7 Oct (Wed 7th off), Sat 10 Oct a make-up workday.
 */
class ContractTermsApiTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<Map<String, String>> CUSTOM_HOURS = List.of(Map.of("from", "08:30", "to", "12:00"),
            Map.of("from", "13:30", "to", "17:00"));

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    String contractPath;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        contractPath = "/api/contracts/" + site.getCustomer().getId();
    }

    private static Instant bj(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING).toInstant();
    }

    private Map<String, Object> contract(String calendar, List<Map<String, String>> hours) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "O&M 2026", "policyCode", "DESK_HOURS", "calendar", calendar,
                "zone", "Asia/Shanghai", "notifyEmail", false));
        if (hours != null) {
            body.put("workingHours", hours);
        }
        return body;
    }

    private ApiClient.Response putContract(Map<String, Object> body) {
        return api.exchange("t-admin", HttpMethod.PUT, contractPath, body, null);
    }

    private void saveContract(String calendar, List<Map<String, String>> hours) {
        ApiClient.Response saved = putContract(contract(calendar, hours));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private long openTicketAt(String local) {
        clock.set(bj(local));
        ApiClient.Response r = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private JsonNode responseClock(long ticketId) {
        ApiClient.Response clocks = api.get("t-sup", "/api/tickets/" + ticketId + "/clocks");
        assertThat(clocks.status()).as(clocks.body().toString()).isEqualTo(200);
        for (JsonNode c : clocks.body().path("clocks")) {
            if (c.path("clock").asText().equals("RESPONSE")) {
                return c;
            }
        }
        throw new AssertionError("no RESPONSE clock in " + clocks.body());
    }

    private Instant responseDue(long ticketId) {
        return Instant.parse(responseClock(ticketId).path("dueAt").asText());
    }

    /**
     * What the ticket list and case file show: the due time the escalation process cached on the ticket when
     * it was told the clocks changed, so it also shows that the running escalation heard of the change.
     */
    private Instant listedResponseDue(long ticketId) {
        return Instant.parse(api.get("t-desk", "/api/tickets/" + ticketId).body().path("responseDue").asText());
    }

    @ParameterizedTest(name = "7x24, {0}: received {1}, response due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            National Day holiday (Wed)   | 2026-10-07T10:00 | 2026-10-07T11:00
            make-up workday (Sat)        | 2026-10-10T17:30 | 2026-10-10T18:30
            ordinary weekend night (Sat) | 2026-10-17T23:30 | 2026-10-18T00:30
            ordinary weekday night (Tue) | 2026-10-13T23:30 | 2026-10-14T00:30
            """)
    void roundTheClockCountsEveryMinuteHolidaysIncluded(String day, String received, String due) {
        saveContract("SEVEN_BY_24", null);
        long ticket = openTicketAt(received);

        assertThat(responseDue(ticket)).as(day).isEqualTo(bj(due));
        assertThat(listedResponseDue(ticket)).as(day).isEqualTo(bj(due));
    }

    @ParameterizedTest(name = "5x8 {0} hours, {1}: received {2}, response due {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # National Day: nothing counts until Thu 8th opens
            default | holiday (Wed 7 Oct)       | 2026-10-07T10:00 | 2026-10-08T10:00
            custom  | holiday (Wed 7 Oct)       | 2026-10-07T10:00 | 2026-10-08T09:30
            # Sat 10 Oct is worked, with the lunch break of the contract's hours
            default | make-up workday (Sat)     | 2026-10-10T11:30 | 2026-10-10T13:30
            custom  | make-up workday (Sat)     | 2026-10-10T11:30 | 2026-10-10T14:00
            default | ordinary Tue afternoon    | 2026-10-13T16:30 | 2026-10-13T17:30
            custom  | ordinary Tue afternoon    | 2026-10-13T16:30 | 2026-10-14T09:00
            default | ordinary Tue before work  | 2026-10-13T08:00 | 2026-10-13T10:00
            custom  | ordinary Tue before work  | 2026-10-13T08:00 | 2026-10-13T09:30
            # an ordinary Saturday is off
            default | ordinary weekend (Sat)    | 2026-10-17T10:00 | 2026-10-19T10:00
            custom  | ordinary weekend (Sat)    | 2026-10-17T10:00 | 2026-10-19T09:30
            """)
    void officeHoursSkipHolidaysWorkMakeUpDaysAndFollowTheContractsWindows(String hours, String day, String received,
            String due) {
        saveContract("FIVE_BY_8", hours.equals("custom") ? CUSTOM_HOURS : null);
        ApiClient.Response saved = api.get("t-sup", contractPath);
        assertThat(saved.body().path("workingHours").toString()).isEqualTo(hours.equals("custom")
                ? "[{\"from\":\"08:30\",\"to\":\"12:00\"},{\"from\":\"13:30\",\"to\":\"17:00\"}]"
                : "[{\"from\":\"09:00\",\"to\":\"12:00\"},{\"from\":\"13:00\",\"to\":\"18:00\"}]");
        long ticket = openTicketAt(received);

        assertThat(responseDue(ticket)).as(day).isEqualTo(bj(due));
        assertThat(listedResponseDue(ticket)).as(day).isEqualTo(bj(due));
    }

    @Test
    void atNightTheBoardShowsAnOfficeHoursClockAsItsCountsCountItRunningTowardsTomorrowsDeadline() {
        saveContract("FIVE_BY_8", null);
        // Tue 13 Oct 19:02, after office hours: due Wed 10:00; at 22:00 only the calendar stops the clock, which moves
        // its deadline rather than pausing it: the case's own clock page says so
        long ticket = openTicketAt("2026-10-13T19:02");
        clock.set(bj("2026-10-13T22:00"));
        assertThat(responseClock(ticket).path("state").asText()).as("the case's own clock page").isEqualTo("RUNNING");

        JsonNode row = api.boardRow("t-sup", "", ticket);
        assertThat(row).isNotNull();
        JsonNode response = null;
        for (JsonNode c : row.path("clocks")) {
            if (c.path("clock").asText().equals("RESPONSE")) {
                response = c;
            }
        }
        assertThat(response).isNotNull();
        // what the counts and filters read (board_clock): running, with the deadline it will reach
        String storedState = jdbc.queryForObject("select state from board_clock where ticket_id = ? and clock = 'RESPONSE'",
                String.class, ticket);
        java.sql.Timestamp storedDue = jdbc.queryForObject("select due_at from board_clock where ticket_id = ? and clock = 'RESPONSE'",
                java.sql.Timestamp.class, ticket);
        assertThat(storedState).isEqualTo("RUNNING");
        assertThat(response.path("state").asText()).as("the row agrees with the counts").isEqualTo(storedState);
        assertThat(Instant.parse(response.path("dueAt").asText())).isEqualTo(bj("2026-10-14T10:00"))
                .isEqualTo(storedDue.toInstant());
        assertThat(response.path("remainingSeconds").asLong()).as("real time to the deadline").isEqualTo(12 * 3600);
        assertThat(api.boardRow("t-sup", "clock=RESPONSE&risk=OK", ticket)).as("filtered as it is shown").isNotNull();
    }

    @Test
    void aContractChangeReachesOpenTicketsOnlyWhenAppliedToThem() {
        saveContract("SEVEN_BY_24", null);
        // Tue 13 Oct 19:00, after office hours: 7x24 answers within the hour, 5x8 next morning
        long open = openTicketAt("2026-10-13T19:00");
        assertThat(responseDue(open)).isEqualTo(bj("2026-10-13T20:00"));

        saveContract("FIVE_BY_8", null);
        assertThat(responseDue(open)).as("the contract change alone").isEqualTo(bj("2026-10-13T20:00"));

        // a 45-second hold moves the due time by 45 seconds, on the terms the ticket was opened under
        clock.set(bj("2026-10-13T19:01"));
        assertThat(api.post("t-desk", "/api/tickets/" + open + "/hold", Map.of("reason", "WAITING_CUSTOMER")).status())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(45));
        assertThat(api.exchange("t-desk", HttpMethod.DELETE, "/api/tickets/" + open + "/hold", null, null).status())
                .isEqualTo(204);
        Instant afterHold = bj("2026-10-13T20:00").plusSeconds(45);
        assertThat(responseDue(open)).isEqualTo(afterHold);
        assertThat(listedResponseDue(open)).isEqualTo(afterHold);

        // a ticket opened now runs on the new terms: 09:00 Wednesday + 1 h
        long opened = openTicketAt("2026-10-13T19:02");
        assertThat(responseDue(opened)).isEqualTo(bj("2026-10-14T10:00"));

        String apply = contractPath + "/apply-to-open";
        assertThat(api.post("t-desk", apply, null).status()).isEqualTo(403);
        ApiClient.Response dryRun = api.post("t-admin", apply + "?dryRun=true", null);
        assertThat(dryRun.status()).as(dryRun.body().toString()).isEqualTo(200);
        assertThat(dryRun.body().path("dryRun").asBoolean()).isTrue();
        assertThat(dryRun.body().path("ticketsUpdated").asInt()).isEqualTo(1);
        assertThat(dryRun.body().path("ticketsUnchanged").asInt()).isEqualTo(1);
        assertThat(responseDue(open)).as("after a dry run").isEqualTo(afterHold);

        ApiClient.Response applied = api.post("t-admin", apply, null);
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.body().path("ticketsUpdated").asInt()).isEqualTo(1);
        assertThat(applied.body().path("ticketsUnchanged").asInt()).isEqualTo(1);
        // the hold lay outside office hours, so it no longer counts: Wed 09:00 + 1 h
        assertThat(responseDue(open)).isEqualTo(bj("2026-10-14T10:00"));
        assertThat(listedResponseDue(open)).isEqualTo(bj("2026-10-14T10:00"));
        assertThat(responseClock(open).path("history").findValuesAsText("kind")).contains("RECALCULATED");
        assertThat(api.get("t-desk", "/api/tickets/" + open).body().path("timeline").findValuesAsText("type")).contains("CONTRACT");
        ApiClient.Response clocks = api.get("t-sup", "/api/tickets/" + open + "/clocks");
        assertThat(clocks.body().path("calendar").asText()).isEqualTo("FIVE_BY_8");
        assertThat(responseDue(opened)).isEqualTo(bj("2026-10-14T10:00"));

        // later office hours reach open tickets the same way
        saveContract("FIVE_BY_8", CUSTOM_HOURS);
        assertThat(responseDue(open)).isEqualTo(bj("2026-10-14T10:00"));
        assertThat(api.post("t-admin", apply, null).body().path("ticketsUpdated").asInt()).isEqualTo(2);
        assertThat(responseDue(open)).isEqualTo(bj("2026-10-14T09:30"));
        assertThat(responseDue(opened)).isEqualTo(bj("2026-10-14T09:30"));

        ApiClient.Response again = api.post("t-admin", apply, null);
        assertThat(again.body().path("ticketsUpdated").asInt()).isZero();
        assertThat(again.body().path("ticketsUnchanged").asInt()).isEqualTo(2);
    }

    @Test
    void applyingNeedsAContract() {
        assertThat(api.post("t-admin", contractPath + "/apply-to-open", null).status()).isEqualTo(404);
    }

    @Test
    void badWorkingHoursNameTheWindowAndSaveNothing() {
        saveContract("FIVE_BY_8", CUSTOM_HOURS);
        long milestones = jdbc.queryForObject("select count(*) from sla_milestone", Long.class);
        Map<String, Object> noTo = contract("FIVE_BY_8", null);
        noTo.put("workingHours", List.of(Map.of("from", "08:30")));
        List<Rejected> rejected = List.of(
                new Rejected("workingHours[1].to", hours(List.of("08:30", "12:00"), List.of("13:30", "12:00"))),
                new Rejected("workingHours[0].from", hours(List.of("8:30", "12:00"))),
                new Rejected("workingHours[0].to", hours(List.of("08:30", "25:00"))),
                new Rejected("workingHours[0].to", noTo),
                new Rejected("workingHours[1].from", hours(List.of("08:30", "12:00"), List.of("11:00", "17:00"))),
                new Rejected("workingHours", hours()),
                new Rejected("workingHours", hours(List.of("00:00", "01:00"), List.of("02:00", "03:00"),
                        List.of("04:00", "05:00"), List.of("06:00", "07:00"), List.of("08:00", "09:00"),
                        List.of("10:00", "11:00"), List.of("12:00", "13:00"))));
        for (Rejected bad : rejected) {
            bad.body().put("name", "Changed by a rejected request");
            ApiClient.Response r = putContract(bad.body());
            assertThat(r.status()).as(bad.field() + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().getContentType().toString()).contains("problem+json");
            assertThat(r.errorFields()).as(r.body().toString()).containsExactly(bad.field());
        }

        JsonNode kept = api.get("t-sup", contractPath).body();
        assertThat(kept.path("name").asText()).isEqualTo("O&M 2026");
        assertThat(kept.path("workingHours").toString())
                .isEqualTo("[{\"from\":\"08:30\",\"to\":\"12:00\"},{\"from\":\"13:30\",\"to\":\"17:00\"}]");
        assertThat(jdbc.queryForObject("select count(*) from sla_milestone", Long.class)).isEqualTo(milestones);
    }

    private record Rejected(String field, Map<String, Object> body) {
    }

    @SafeVarargs
    private Map<String, Object> hours(List<String>... windows) {
        Map<String, Object> body = contract("FIVE_BY_8", null);
        body.put("workingHours", java.util.Arrays.stream(windows).map(w -> Map.of("from", w.get(0), "to", w.get(1))).toList());
        return body;
    }
}
