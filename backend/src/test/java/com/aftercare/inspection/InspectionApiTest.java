package com.aftercare.inspection;

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

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;

/**
 * Issue 16 at the API's edge: plans are written by the process owner, supervisor and admin only (the desk and engineers
 * get 403); bad input is a 400 naming the field and writes nothing; a customer's user sees, agrees and signs only their
 * own unit's inspections (another unit's is 404) and may not work a checklist (403).
 */
class InspectionApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired InspectionPlanRepository plans;
    @Autowired OpenInspection open;
    ApiClient api;
    String userA;
    String userB;
    Site siteB;

    @BeforeEach
    void twoUnits() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        Customer b = assets.createCustomer("Inspection unit B " + System.nanoTime());
        siteB = assets.createSite(new NewSite(b.getId(), "B site " + System.nanoTime(), "Road 2", Region.CITY, "B", "456"));
        userA = "ins-a-" + System.nanoTime();
        userB = "ins-b-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(userA, PASSWORD, "Customer A", site.getCustomer().getId());
        accounts.createCustomerUserIfAbsent(userB, PASSWORD, "Customer B", b.getId());
    }

    private Map<String, Object> plan(Object customerId, Object cycle) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("name", "月度保养");
        body.put("cycle", cycle);
        body.put("items", List.of(Map.of("deviceType", "OTHER", "item", "清洁除尘", "automated", false)));
        return body;
    }

    @Test
    void plansAreWrittenByTheOwnerSupervisorAndAdminWithBadInputNamed() {
        long before = plans.count();
        assertThat(api.post("t-desk", "/api/inspection-plans", plan(site.getCustomer().getId(), "MONTHLY")).status()).isEqualTo(403);
        assertThat(api.post("t-eng", "/api/inspection-plans", plan(site.getCustomer().getId(), "MONTHLY")).status()).isEqualTo(403);
        assertThat(api.post(userA, "/api/inspection-plans", plan(site.getCustomer().getId(), "MONTHLY")).status()).isEqualTo(403);
        assertThat(api.post("t-sup", "/api/inspection-plans", plan(site.getCustomer().getId(), "DAILY")).errorFields())
                .containsExactly("cycle");
        assertThat(api.post("t-sup", "/api/inspection-plans", plan(-1L, "MONTHLY")).errorFields()).containsExactly("customerId");
        Map<String, Object> noItems = plan(site.getCustomer().getId(), "MONTHLY");
        noItems.put("items", List.of());
        assertThat(api.post("t-sup", "/api/inspection-plans", noItems).errorFields()).containsExactly("items");
        Map<String, Object> otherSite = plan(site.getCustomer().getId(), "MONTHLY");
        otherSite.put("siteId", siteB.getId());
        assertThat(api.post("t-admin", "/api/inspection-plans", otherSite).errorFields()).containsExactly("siteId");
        assertThat(plans.count()).as("nothing written").isEqualTo(before);

        ApiClient.Response made = api.post("t-admin", "/api/inspection-plans", plan(site.getCustomer().getId(), "QUARTERLY"));
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().path("cycle").asText()).isEqualTo("QUARTERLY");
        Map<String, Object> edit = plan(site.getCustomer().getId(), "HALF_YEARLY");
        edit.put("version", made.body().path("version").asLong() + 5);
        assertThat(api.exchange("t-sup", HttpMethod.PUT, "/api/inspection-plans/" + made.body().path("id").asLong(), edit,
                Map.of()).status()).as("an edit from a stale page").isEqualTo(409);
        edit.put("version", made.body().path("version").asLong());
        assertThat(api.exchange("t-sup", HttpMethod.PUT, "/api/inspection-plans/" + made.body().path("id").asLong(), edit,
                Map.of()).body().path("cycle").asText()).isEqualTo("HALF_YEARLY");
        assertThat(api.get(userA, "/api/inspection-plans").status()).isEqualTo(403);
    }

    @Test
    void aCustomersUserSeesAgreesAndSignsOnlyTheirOwnUnitsInspections() {
        InspectionPlan plan = plans.findById(api.post("t-sup", "/api/inspection-plans",
                plan(site.getCustomer().getId(), "MONTHLY")).body().path("id").asLong()).orElseThrow();
        Inspection inspection = open.forPlan(plan, java.time.LocalDate.of(2026, 11, 1), Instant.parse("2026-11-30T16:00:00Z"));
        long id = inspection.getId();
        String path = "/api/inspections/" + id;

        assertThat(api.get(userB, path).status()).isEqualTo(404);
        assertThat(api.get(userB, "/api/inspections").body()).noneMatch(s -> s.path("id").asLong() == id);
        Map<String, Object> time = new HashMap<>(Map.of("at", "2026-11-25T02:00:00Z", "version", inspection.getVersion()));
        assertThat(api.post(userB, path + "/time", time).status()).isEqualTo(404);
        assertThat(api.get(userB, path + "/report.pdf").status()).isEqualTo(404);
        assertThat(api.get(userA, path).status()).isEqualTo(200);
        assertThat(api.get(userA, "/api/inspections").body()).anyMatch(s -> s.path("id").asLong() == id);

        // wrong role, bad time, then the customer agrees
        assertThat(api.post("t-eng", path + "/time", time).status()).isEqualTo(403);
        Map<String, Object> past = new HashMap<>(Map.of("at", "2026-11-01T02:00:00Z", "version", inspection.getVersion()));
        assertThat(api.post(userA, path + "/time", past).errorFields()).containsExactly("at");
        assertThat(api.post(userA, path + "/time", Map.of("version", inspection.getVersion())).errorFields()).containsExactly("at");
        assertThat(api.post(userA, path + "/time", time).body().path("agreedVia").asText()).isEqualTo("PORTAL");
        assertThat(api.post(userA, path + "/time", time).status()).as("the same page sent twice").isEqualTo(409);

        // the customer may not work the checklist or finish it; an unknown inspection is 404
        long line = api.get("t-eng", path).body().path("checks").get(0).path("id").asLong();
        Map<String, Object> pass = Map.of("result", "PASS");
        assertThat(api.exchange(userA, HttpMethod.PUT, path + "/checks/" + line, pass, Map.of()).status()).isEqualTo(403);
        assertThat(api.post(userA, path + "/finish", null).status()).isEqualTo(403);
        assertThat(api.exchange("t-eng", HttpMethod.PUT, path + "/checks/" + line, Map.of("result", "MAYBE"), Map.of())
                .errorFields()).containsExactly("result");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, path + "/checks/" + line,
                Map.of("result", "PASS", "photo", "javascript:alert(1)"), Map.of()).errorFields()).containsExactly("photo");
        assertThat(api.get("t-eng", "/api/inspections/999999999").status()).isEqualTo(404);
        assertThat(api.post("t-eng", path + "/sign", Map.of("signerName", "x", "signature", "data:image/png;base64,AAAA"))
                .status()).as("not yet waiting for a signature").isEqualTo(409);
        assertThat(api.post("t-eng", "/api/inspections/weather", Map.of("hazard", "LIGHTNING")).status()).isEqualTo(403);
        assertThat(api.post("t-desk", "/api/inspections/weather", Map.of("hazard", "HAIL")).errorFields()).containsExactly("hazard");
    }
}
