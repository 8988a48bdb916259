package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;

/** Request types over HTTP (issue 15): chosen at intake by the desk and by a customer's user, shown, filtered. */
class RequestTypesApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private static List<String> numbers(JsonNode page) {
        return StreamSupport.stream(page.path("content").spliterator(), false).map(t -> t.path("number").asText()).toList();
    }

    @Test
    void theDeskRecordsAServiceRequestAndTheListFiltersByType() {
        Map<String, Object> body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("requestType", "SERVICE_REQUEST");
        body.put("serviceItem", "FOOTAGE_EXTRACTION");
        ApiClient.Response created = api.post("t-desk", "/api/tickets", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("requestType").asText()).isEqualTo("SERVICE_REQUEST");
        assertThat(created.body().path("serviceItem").asText()).isEqualTo("FOOTAGE_EXTRACTION");
        assertThat(created.body().path("requestDue").asText()).isNotEmpty();
        String number = created.body().path("number").asText();

        ApiClient.Response fault = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        assertThat(fault.body().path("requestType").asText()).isEqualTo("FAULT");

        String onSite = "/api/tickets?size=200&siteId=" + site.getId();
        assertThat(numbers(api.get("t-desk", onSite + "&requestType=SERVICE_REQUEST").body())).containsExactly(number);
        assertThat(numbers(api.get("t-desk", onSite + "&requestType=FAULT").body()))
                .containsExactly(fault.body().path("number").asText());
        assertThat(numbers(api.get("t-desk", onSite).body())).hasSize(2);

        JsonNode detail = api.get("t-desk", "/api/tickets/" + created.body().path("id").asLong()).body();
        assertThat(detail.path("requestType").asText()).isEqualTo("SERVICE_REQUEST");
        assertThat(detail.path("openTasks").get(0).path("key").asText()).isEqualTo("fulfilRequest");

        // a service request has no fault level: the page offers no level change and the server refuses one
        assertThat(detail.path("availableActions").toString()).contains("HOLD").doesNotContain("CHANGE_LEVEL");
        ApiClient.Response level = api.exchange("t-desk", org.springframework.http.HttpMethod.PUT,
                "/api/tickets/" + created.body().path("id").asLong() + "/level",
                Map.of("level", fault.body().path("level").asText(), "reason", "looks urgent"), null);
        assertThat(level.status()).isEqualTo(409);
        assertThat(level.detail()).isEqualTo("只有故障工单有故障级别，咨询、投诉和服务请求不能调整级别");
    }

    @Test
    void aServiceRequestWithoutItsItemIsA400NamingTheFieldAndLeavesNothing() {
        Map<String, Object> body = ticketBody("HOTLINE", "LOW", "LOW");
        body.put("requestType", "SERVICE_REQUEST");
        ApiClient.Response refused = api.post("t-desk", "/api/tickets", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("serviceItem");

        body.put("requestType", "GRIEVANCE");
        ApiClient.Response unknown = api.post("t-desk", "/api/tickets", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("requestType");
        assertThat(api.get("t-desk", "/api/tickets?requestType=GRIEVANCE").status()).isEqualTo(400);
        assertThat(numbers(api.get("t-desk", "/api/tickets?size=200&siteId=" + site.getId()).body())).isEmpty();
    }

    @Test
    void aCustomersUserFilesAComplaintForTheirOwnUnitAndSeesItsType() {
        accounts.createCustomerUserIfAbsent("t-cust-req-" + site.getId(), PASSWORD, "Customer", site.getCustomer().getId());
        String user = "t-cust-req-" + site.getId();
        Map<String, Object> body = ticketBody("WEB", "LOW", "LOW");
        body.put("requestType", "COMPLAINT");
        ApiClient.Response created = api.post(user, "/api/tickets", body);
        assertThat(created.status()).isEqualTo(201);
        JsonNode mine = api.get(user, "/api/tickets/" + created.body().path("id").asLong()).body();
        assertThat(mine.path("requestType").asText()).isEqualTo("COMPLAINT");
        assertThat(numbers(api.get(user, "/api/tickets?requestType=COMPLAINT").body()))
                .containsExactly(created.body().path("number").asText());
    }

    /** IN-3, ADR 0041: one question at intake; the category follows from the type. */
    @Test
    void theCategoryFollowsFromTheRequestTypeAndAContradictionIsA400NamingIt() {
        Map<String, Object> fault = ticketBody("HOTLINE", "LOW", "LOW");
        fault.remove("category");
        fault.put("requestType", "FAULT");
        ApiClient.Response created = api.post("t-desk", "/api/tickets", fault);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("category").asText()).isEqualTo("DEFECT");

        Map<String, Object> consultation = ticketBody("HOTLINE", "LOW", "LOW");
        consultation.remove("category");
        consultation.remove("impact");
        consultation.remove("urgency");
        consultation.put("requestType", "CONSULTATION");
        ApiClient.Response asked = api.post("t-desk", "/api/tickets", consultation);
        assertThat(asked.status()).as("no impact or urgency for a consultation").isEqualTo(201);
        assertThat(asked.body().path("category").asText()).isEqualTo("CONSULTATION");

        Map<String, Object> contradiction = ticketBody("HOTLINE", "LOW", "LOW");
        contradiction.put("requestType", "FAULT");
        contradiction.put("category", "CONSULTATION");
        ApiClient.Response refused = api.post("t-desk", "/api/tickets", contradiction);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("category");
        contradiction.put("requestType", "CONSULTATION");
        contradiction.put("category", "DEFECT");
        assertThat(api.post("t-desk", "/api/tickets", contradiction).errorFields()).containsExactly("category");

        Map<String, Object> faultWithoutImpact = ticketBody("HOTLINE", "LOW", "LOW");
        faultWithoutImpact.put("requestType", "FAULT");
        faultWithoutImpact.remove("impact");
        assertThat(api.post("t-desk", "/api/tickets", faultWithoutImpact).errorFields()).containsExactly("impact");

        // a client from before request types: a "consultation" fault as it always was (the desk reclassifies it)
        Map<String, Object> legacy = ticketBody("HOTLINE", "LOW", "LOW");
        legacy.put("category", "CONSULTATION");
        ApiClient.Response old = api.post("t-desk", "/api/tickets", legacy);
        assertThat(old.status()).isEqualTo(201);
        assertThat(old.body().path("requestType").asText()).isEqualTo("FAULT");
        assertThat(old.body().path("category").asText()).isEqualTo("CONSULTATION");

        assertThat(numbers(api.get("t-desk", "/api/tickets?size=200&siteId=" + site.getId()).body()))
                .as("the refused reports left nothing").hasSize(3);
    }
}
