package com.aftercare.report;

import static com.aftercare.report.ReportPorts.slip;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;

/**
 * RR-7 on demand: the desk generates a customer's report for an ended month or quarter (201, then 200 with the same
 * file), a bad period is a 400 naming "period" that writes nothing, engineers and customers may not generate (403),
 * and a customer's user lists and downloads only their own unit's reports (another unit's is 404).
 */
@Import(ReportPorts.class)
class RepairReportApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;
    long customerA;
    long customerB;
    String userA;

    @BeforeEach
    void twoUnits() {
        api = new ApiClient(rest);
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        customerA = site.getCustomer().getId();
        Customer b = assets.createCustomer("Unit B " + System.nanoTime());
        customerB = b.getId();
        userA = "rr-cust-a-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(userA, PASSWORD, "Customer A", customerA);
        slip(customerA, System.nanoTime(), "A-1", "2026-10-05", "2026-10-12", "2026-10-10", "REPAIRED", false);
        slip(customerB, System.nanoTime(), "B-1", "2026-10-06", "2026-10-13", null, "AWAY", true);
    }

    private static Map<String, Object> body(Object customerId, Object kind, Object period) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customerId);
        body.put("kind", kind);
        body.put("period", period);
        return body;
    }

    private ResponseEntity<byte[]> download(String user, long id) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        return rest.exchange("/api/repair-reports/" + id + "/file", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private int reportsOf(long customerId) {
        return api.get("t-desk", "/api/repair-reports?customerId=" + customerId).body().size();
    }

    @Test
    void theDeskGeneratesAReportOnceAndDownloadsIt() {
        ApiClient.Response made = api.post("t-desk", "/api/repair-reports", body(customerA, "MONTHLY", "2026-10"));
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().path("period").asText()).isEqualTo("2026-10");
        assertThat(made.body().path("repairs").asInt()).isEqualTo(1);
        assertThat(made.body().path("createdBy").asText()).isEqualTo("t-desk");
        long id = made.body().path("id").asLong();

        ApiClient.Response again = api.post("t-sup", "/api/repair-reports", body(customerA, "MONTHLY", "2026-10"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(id);

        ResponseEntity<byte[]> file = download("t-desk", id);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType().toString()).isEqualTo(RepairReportController.XLSX);
        assertThat(file.getHeaders().getContentDisposition().getFilename()).endsWith("-2026-10.xlsx");
        assertThat(file.getBody()).startsWith(0x50, 0x4B); // a zip: an .xlsx

        assertThat(api.post("t-desk", "/api/repair-reports", body(customerA, "QUARTERLY", "2026-Q3")).status()).isEqualTo(201);
        assertThat(api.get("t-desk", "/api/repair-reports?customerId=" + customerA + "&kind=QUARTERLY").body())
                .extracting(n -> n.path("period").asText()).containsExactly("2026-Q3");
    }

    @Test
    void aBadPeriodIsRefusedNamingTheFieldAndWritesNothing() {
        for (Object period : new Object[] {"2026-13", "2026/10", "", "2026-Q5", "2026-11", "2027-01"}) {
            ApiClient.Response r = api.post("t-desk", "/api/repair-reports", body(customerA, "MONTHLY", period));
            assertThat(r.status()).as(String.valueOf(period)).isEqualTo(400);
            assertThat(r.errorFields()).as(String.valueOf(period)).containsExactly("period");
        }
        // the quarter holding today has not ended
        ApiClient.Response current = api.post("t-desk", "/api/repair-reports", body(customerA, "QUARTERLY", "2026-Q4"));
        assertThat(current.status()).isEqualTo(400);
        assertThat(current.errorFields()).containsExactly("period");
        ApiClient.Response noKind = api.post("t-desk", "/api/repair-reports", body(customerA, null, "2026-10"));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.errorFields()).containsExactly("kind");
        ApiClient.Response noCustomer = api.post("t-desk", "/api/repair-reports", body(null, "MONTHLY", "2026-10"));
        assertThat(noCustomer.errorFields()).containsExactly("customerId");
        assertThat(api.post("t-desk", "/api/repair-reports", body(999_999_999L, "MONTHLY", "2026-10")).status()).isEqualTo(404);
        assertThat(reportsOf(customerA)).isZero();
    }

    @Test
    void engineersAndCustomersMayNotGenerate() {
        assertThat(api.post("t-eng", "/api/repair-reports", body(customerA, "MONTHLY", "2026-10")).status()).isEqualTo(403);
        assertThat(api.post(userA, "/api/repair-reports", body(customerA, "MONTHLY", "2026-10")).status()).isEqualTo(403);
        assertThat(api.get("t-eng", "/api/repair-reports").status()).isEqualTo(403);
        assertThat(reportsOf(customerA)).isZero();
    }

    @Test
    void aCustomersUserSeesOnlyTheirOwnUnitsReports() {
        long mine = api.post("t-desk", "/api/repair-reports", body(customerA, "MONTHLY", "2026-10")).body().path("id").asLong();
        long theirs = api.post("t-desk", "/api/repair-reports", body(customerB, "MONTHLY", "2026-10")).body().path("id").asLong();

        ApiClient.Response listed = api.get(userA, "/api/repair-reports");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).extracting(n -> n.path("id").asLong()).containsExactly(mine);
        assertThat(listed.body().get(0).hasNonNull("createdBy")).as("the staff account is not shown").isFalse();
        assertThat(api.get(userA, "/api/repair-reports?customerId=" + customerB).body()).isEmpty();
        assertThat(download(userA, mine).getStatusCode().value()).isEqualTo(200);
        assertThat(download(userA, theirs).getStatusCode().value()).isEqualTo(404);
        assertThat(download("t-desk", theirs).getStatusCode().value()).isEqualTo(200);
    }
}
