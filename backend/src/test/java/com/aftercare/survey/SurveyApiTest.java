package com.aftercare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.CloseCase;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Category;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The surveys over the API (CB-1, CB-3): the desk answers by phone, the customer's own user in the portal and only
 * their unit's (another unit's survey is 404, a callback is not theirs), an engineer is 403, missing scores are a 400
 * naming each, a second answer is a 409 and a phone's retry with the same Idempotency-Key gets the answer back.
 */
class SurveyApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired CloseCase closeCase;
    @Autowired PickSampleSurveys pick;
    @Autowired com.aftercare.kpi.SatisfactionScores satisfaction;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    /** A fault of this test's customer closed in March 2026 and picked for the survey (the only one: 1 of 1). */
    private long sampledSurvey() {
        clock.set(Instant.parse("2026-03-10T02:00:00Z"));
        long ticket = reportFault.report(newTicket(Category.DEFECT, Grade.LOW, Grade.LOW), null).ticket().getId();
        closeCase.close(ticket);
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        pick.pick(YearMonth.of(2026, 3));
        for (JsonNode s : api.get("t-desk", "/api/surveys").body()) {
            if (s.path("ticketId").asLong() == ticket) {
                return s.path("id").asLong();
            }
        }
        throw new AssertionError("not picked");
    }

    private static Map<String, Object> scores(Integer intake, Integer handling, Integer support) {
        Map<String, Object> body = new HashMap<>();
        body.put("intakeScore", intake);
        body.put("handlingScore", handling);
        body.put("supportScore", support);
        body.put("comment", "很满意");
        return body;
    }

    /**
     * CB-4's 用户满意率 reads a surveyed case by its survey: satisfied only when intake, handling and support are all
     * 4 or 5, so the case's score is the lowest of the three; the survey replaces the callback's word on the case.
     */
    @Test
    void aSurveyedCaseCountsForTheSatisfactionRateByItsLowestScore() {
        long id = sampledSurvey();
        long ticket = -1;
        for (JsonNode s : api.get("t-desk", "/api/surveys").body()) {
            if (s.path("id").asLong() == id) {
                ticket = s.path("ticketId").asLong();
            }
        }
        assertThat(satisfaction.scores(java.util.List.of(ticket))).as("not answered yet: no score").doesNotContainKey(ticket);
        assertThat(api.post("t-desk", "/api/surveys/" + id + "/answer", scores(5, 3, 4)).status()).isEqualTo(200);
        assertThat(satisfaction.scores(java.util.List.of(ticket))).containsEntry(ticket, 3);
    }

    @Test
    void theCustomersUserAnswersTheirUnitsSurveyInThePortalOnce() {
        long id = sampledSurvey();
        String customer = "survey-cust-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer", site.getCustomer().getId());
        Customer other = assets.createCustomer("Survey stranger " + System.nanoTime());
        String stranger = "survey-stranger-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Stranger", other.getId());

        assertThat(api.get(customer, "/api/surveys").body().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get(stranger, "/api/surveys").body().findValuesAsText("id")).doesNotContain(String.valueOf(id));
        assertThat(api.post(stranger, "/api/surveys/" + id + "/answer", scores(5, 5, 5)).status()).isEqualTo(404);
        assertThat(api.post("t-eng", "/api/surveys/" + id + "/answer", scores(5, 5, 5)).status()).isEqualTo(403);
        assertThat(api.get(customer, "/api/surveys/results?customerId=" + site.getCustomer().getId()
                + "&from=2026-01-01&to=2026-12-31").status()).isEqualTo(403);

        ApiClient.Response missing = api.post(customer, "/api/surveys/" + id + "/answer", scores(5, null, 9));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).contains("supportScore");
        missing = api.post(customer, "/api/surveys/" + id + "/answer", scores(5, null, null));
        assertThat(missing.errorFields()).contains("handlingScore", "supportScore");

        Map<String, String> key = Map.of("Idempotency-Key", "survey-" + System.nanoTime());
        ApiClient.Response answered = api.post(customer, "/api/surveys/" + id + "/answer", scores(5, 4, 5), key);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().path("answeredVia").asText()).isEqualTo("PORTAL");
        assertThat(answered.body().hasNonNull("answeredBy")).isFalse();
        // the phone resends with the same key: the same answer back; the desk answering again: 409
        assertThat(api.post(customer, "/api/surveys/" + id + "/answer", scores(5, 4, 5), key).status()).isEqualTo(200);
        assertThat(api.post("t-desk", "/api/surveys/" + id + "/answer", scores(1, 1, 1)).status()).isEqualTo(409);

        JsonNode results = api.get("t-sup", "/api/surveys/results?customerId=" + site.getCustomer().getId()
                + "&from=2026-03-01&to=2026-03-31").body();
        assertThat(results.path("answered").asInt()).isEqualTo(1);
        assertThat(results.path("intakeAverage").asDouble()).isEqualTo(5.0);
        assertThat(results.path("handlingAverage").asDouble()).isEqualTo(4.0);
        assertThat(results.path("rows").get(0).path("answeredBy").asText()).isEqualTo(customer);
    }

    @Test
    void badResultQueriesNameTheField() {
        assertThat(api.get("t-sup", "/api/surveys/results?from=2026-01-01&to=2026-03-31").errorFields())
                .containsExactly("customerId");
        assertThat(api.get("t-sup", "/api/surveys/results?customerId=" + site.getCustomer().getId()
                + "&from=2026-04-01&to=2026-03-31").errorFields()).containsExactly("to");
        assertThat(api.get("t-sup", "/api/surveys/results?customerId=999999999&from=2026-01-01&to=2026-03-31").status())
                .isEqualTo(404);
        assertThat(api.post("t-desk", "/api/surveys/999999999/answer", scores(5, 5, 5)).status()).isEqualTo(404);
    }
}
