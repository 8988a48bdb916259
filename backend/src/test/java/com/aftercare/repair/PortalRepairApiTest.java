package com.aftercare.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The portal's repair panel over HTTP (issue 13: RR-1..RR-4, WA-1), as the customer's own user reads it: the device
 * at the vendor with vendor, slip number, date sent and the date it is due back, late or not as the days pass, the
 * loaner installed, the progress reports written so far (without who wrote them), and the warranty state that makes
 * the repair free. Another unit's user gets 404 on both routes, as everywhere in the portal.
 */
class PortalRepairApiTest extends IntegrationTest {

    /** Monday 2 November 2026, 10:00 in Shanghai; five office days later is Monday 9 November 10:00 (ADR 0022). */
    private static final Instant SENT = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-09T02:00:00Z");

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;
    String customer;
    String stranger;

    @BeforeEach
    void users() {
        api = new ApiClient(rest);
        customer = "cust-portal-repair-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "王工", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        stranger = "cust-portal-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Other", other.getId());
        String unique = "PR-" + System.nanoTime();
        // warranty until the end of 2027: the repair is free (WA-1)
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", LocalDate.of(2027, 12, 31), String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private Ticket shipped() {
        clock.set(SENT);
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Engineer-only cause ZQ17", "fixOutcome", "SEND_TO_VENDOR"));
        complete(ticket, "shipToVendor", "t-eng", Map.of("vendorName", "海康威视", "repairSlipNumber", "RS-PORTAL-1",
                "shippingNote", "Internal note KD42"));
        return ticket;
    }

    private JsonNode repairAsCustomer(Ticket ticket) {
        ApiClient.Response r = api.get(customer, "/api/tickets/" + ticket.getId() + "/repair");
        assertThat(r.status()).isEqualTo(200);
        return r.body().path("slips").get(0);
    }

    @Test
    void theCustomerFollowsTheDeviceAtTheVendorWithLoanerReportsLatenessAndWarranty() {
        Ticket ticket = shipped();

        JsonNode away = repairAsCustomer(ticket);
        assertThat(away.path("vendorName").asText()).isEqualTo("海康威视");
        assertThat(away.path("slipNumber").asText()).isEqualTo("RS-PORTAL-1");
        assertThat(Instant.parse(away.path("sentAt").asText())).isEqualTo(SENT);
        assertThat(Instant.parse(away.path("expectedReturnAt").asText())).isEqualTo(DUE);
        assertThat(away.path("outcome").asText()).isEqualTo("AWAY");
        assertThat(away.path("overdue").asBoolean()).isFalse();
        assertThat(away.hasNonNull("loaner")).isFalse();
        assertThat(away.path("progressReports").size()).isZero();

        // a loaner goes in on Tuesday; the first progress report is due Thursday 5 November, 3 working days on
        clock.set(Instant.parse("2026-11-03T03:00:00Z"));
        ApiClient.Response added = api.post("t-desk", "/api/loaners",
                Map.of("model", "DS-2CD3T46", "serial", "LN-P-" + System.nanoTime(), "keptAt", "备件库 B-1"));
        long loanerId = added.body().path("id").asLong();
        assertThat(api.post("t-eng", "/api/tickets/" + ticket.getId() + "/loaner", Map.of("loanerId", loanerId)).status())
                .isEqualTo(200);
        clock.set(Instant.parse("2026-11-05T02:00:00Z"));
        managementService.executeJob(timerJob(ticket, "progressTimer").getId());
        complete(ticket, "writeProgressReport", "t-eng", Map.of("progressReport", "厂家已确认传感器板故障，预计 11 月 9 日寄回"));

        JsonNode reported = repairAsCustomer(ticket);
        assertThat(reported.path("overdue").asBoolean()).as("Thursday, before Monday's deadline").isFalse();
        assertThat(reported.path("loaner").path("id").asLong()).isEqualTo(loanerId);
        assertThat(reported.path("loaner").path("model").asText()).isEqualTo("DS-2CD3T46");
        assertThat(Instant.parse(reported.path("loanerInstalledAt").asText())).isEqualTo(Instant.parse("2026-11-03T03:00:00Z"));
        assertThat(reported.hasNonNull("loanerCollectedAt")).isFalse();
        assertThat(reported.path("progressReports")).singleElement().satisfies(r -> {
            assertThat(r.path("body").asText()).isEqualTo("厂家已确认传感器板故障，预计 11 月 9 日寄回");
            assertThat(Instant.parse(r.path("writtenAt").asText())).isEqualTo(Instant.parse("2026-11-05T02:00:00Z"));
            assertThat(r.hasNonNull("writtenBy")).as("staff names stay with the staff").isFalse();
        });

        // one minute past the deadline the device is late; at the deadline itself it is not
        clock.set(DUE);
        assertThat(repairAsCustomer(ticket).path("overdue").asBoolean()).isFalse();
        clock.set(DUE.plusSeconds(60));
        assertThat(repairAsCustomer(ticket).path("overdue").asBoolean()).isTrue();

        ApiClient.Response whole = api.get(customer, "/api/tickets/" + ticket.getId() + "/repair");
        assertThat(whole.body().toString()).doesNotContain("ZQ17", "KD42", "t-eng", "备件库 B-1");

        ApiClient.Response warranty = api.get(customer, "/api/tickets/" + ticket.getId() + "/warranty");
        assertThat(warranty.status()).isEqualTo(200);
        assertThat(warranty.body().path("inWarranty").asBoolean()).isTrue();
        assertThat(warranty.body().path("warrantyEnd").asText()).isEqualTo("2027-12-31");
        assertThat(warranty.body().path("cost").path("freeOfCharge").asBoolean()).isTrue();
        assertThat(warranty.body().path("cost").path("freeReason").asText()).isEqualTo("WARRANTY");

        assertThat(api.get(stranger, "/api/tickets/" + ticket.getId() + "/repair").status()).isEqualTo(404);
        assertThat(api.get(stranger, "/api/tickets/" + ticket.getId() + "/warranty").status()).isEqualTo(404);
        assertThat(api.post(customer, "/api/tickets/" + ticket.getId() + "/loaner/collect", null).status())
                .as("the customer only reads").isEqualTo(403);
    }
}
