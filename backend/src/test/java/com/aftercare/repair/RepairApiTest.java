package com.aftercare.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * The repair routes over HTTP (issue 13, RR-1, RR-4): the slip as staff and as the customer (another unit's is 404),
 * bad input 400 naming the field with nothing written, roles, and two people taking the same loaner at once: one
 * gets it, the other 409.
 */
class RepairApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private Ticket atVendor() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        if (openTaskKeys(ticket).contains("proposeReplacement")) {
            // the test's second case on the same device is its second failure within a month (RR-6): the customer
            // declines the replacement, so it is repaired as usual
            complete(ticket, "proposeReplacement", "t-eng", Map.of("replacementModel", "Same model"));
            complete(ticket, "approveReplacement", "t-desk", Map.of("replacementApproved", false, "replacementReason", "Repair it"));
        }
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Engineer-only cause QX81", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "大华", "repairSlipNumber", "RS-API-1",
                "shippingNote", "Internal shipping note WK55"));
        return ticket;
    }

    private long loaners() {
        return jdbc.queryForObject("select count(*) from loaner_unit", Long.class);
    }

    private long addLoaner() {
        ApiClient.Response r = api.post("t-desk", "/api/loaners",
                Map.of("model", "DS-2CD3T46", "serial", "LN-" + System.nanoTime(), "keptAt", "备件库 A-3"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        assertThat(r.body().path("status").asText()).isEqualTo("AVAILABLE");
        return r.body().path("id").asLong();
    }

    @Test
    void slipReadsForStaffAndForTheCustomerOfTheUnitOnly() {
        Ticket ticket = atVendor();
        ApiClient.Response staff = api.get("t-desk", "/api/tickets/" + ticket.getId() + "/repair");
        assertThat(staff.status()).isEqualTo(200);
        var slip = staff.body().path("slips").get(0);
        assertThat(slip.path("slipNumber").asText()).isEqualTo("RS-API-1");
        assertThat(slip.path("vendorName").asText()).isEqualTo("大华");
        assertThat(slip.path("fault").asText()).isEqualTo("Engineer-only cause QX81");
        assertThat(slip.path("deviceSerial").asText()).isEqualTo(device.getSerialNumber());
        assertThat(slip.path("expectedReturnAt").asText()).isNotBlank();

        String own = "cust-repair-a-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(own, PASSWORD, "Unit A", site.getCustomer().getId());
        ApiClient.Response mine = api.get(own, "/api/tickets/" + ticket.getId() + "/repair");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("slips").get(0).path("slipNumber").asText()).isEqualTo("RS-API-1");
        assertThat(mine.body().toString()).doesNotContain("QX81", "WK55", "t-eng");

        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        assets.createSite(new NewSite(other.getId(), "Other site", "Road 2", Region.CITY, "Other", "456"));
        String stranger = "cust-repair-b-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Unit B", other.getId());
        assertThat(api.get(stranger, "/api/tickets/" + ticket.getId() + "/repair").status()).isEqualTo(404);
        assertThat(api.get(stranger, "/api/loaners").status()).isEqualTo(403);
        assertThat(api.post(stranger, "/api/tickets/" + ticket.getId() + "/loaner", Map.of("loanerId", 1)).status()).isEqualTo(403);
    }

    @Test
    void badLoanerInputIsA400NamingTheFieldAndWritesNothing() {
        long before = loaners();
        ApiClient.Response r = api.post("t-desk", "/api/loaners", Map.of("model", " ", "keptAt", "x".repeat(201)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).contains("model", "serial", "keptAt");
        assertThat(api.post("t-eng", "/api/loaners", Map.of("model", "M", "serial", "S-" + System.nanoTime(), "keptAt", "K"))
                .status()).as("engineers use the pool, the desk keeps it").isEqualTo(403);
        assertThat(loaners()).isEqualTo(before);

        long id = addLoaner();
        String serial = api.get("t-eng", "/api/loaners").body().findValues("serial").stream()
                .filter(n -> n.asText().startsWith("LN-")).reduce((a, b) -> b).orElseThrow().asText();
        assertThat(api.post("t-desk", "/api/loaners", Map.of("model", "M", "serial", serial, "keptAt", "K")).status())
                .as("a serial is in the pool once").isEqualTo(409);

        Ticket ticket = atVendor();
        ApiClient.Response noUnit = api.post("t-eng", "/api/tickets/" + ticket.getId() + "/loaner", Map.of());
        assertThat(noUnit.status()).isEqualTo(400);
        assertThat(noUnit.errorFields()).containsExactly("loanerId");
        ApiClient.Response notANumber = api.post("t-eng", "/api/tickets/" + ticket.getId() + "/loaner", Map.of("loanerId", "abc"));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.errorFields()).contains("loanerId");
        ApiClient.Response unknown = api.post("t-eng", "/api/tickets/" + ticket.getId() + "/loaner", Map.of("loanerId", 99999999));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("loanerId");
        assertThat(jdbc.queryForObject("select status from loaner_unit where id = ?", String.class, id)).isEqualTo("AVAILABLE");
        assertThat(api.post("t-eng", "/api/tickets/" + ticket.getId() + "/loaner/collect", null).status())
                .as("nothing to collect").isEqualTo(409);
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/contracts/1/repair-terms", Map.of("vendorReturnRule", 1), null)
                .status()).isEqualTo(403);
    }

    @Test
    void twoPeopleTakingOneLoanerAtOnceGetOneLoanAndOne409() throws Exception {
        long id = addLoaner();
        Ticket first = atVendor();
        Ticket second = atVendor();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Ticket t : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("t-eng", "/api/tickets/" + t.getId() + "/loaner", Map.of("loanerId", id)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        Long holder = jdbc.queryForObject("select ticket_id from loaner_unit where id = ?", Long.class, id);
        assertThat(holder).isIn(first.getId(), second.getId());
        long loser = holder.equals(first.getId()) ? second.getId() : first.getId();
        assertThat(jdbc.queryForObject("select count(*) from repair_slip where ticket_id = ? and loaner_id is not null",
                Long.class, loser)).as("the refused take left nothing on the other case").isZero();
        assertThat(jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ? and kind = 'RESOLVED'",
                Long.class, loser)).isZero();

        // the desk sees the case's loaner on the repair panel
        ApiClient.Response panel = api.get("t-desk", "/api/tickets/" + holder + "/repair");
        assertThat(panel.body().path("slips").get(0).path("loaner").path("id").asLong()).isEqualTo(id);
    }
}
