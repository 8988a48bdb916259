package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * The warranty panel over HTTP (WA-1, RR-6, FW-5): the customer reads it and answers the quote in the portal, staff
 * record cost lines and parts handed back. Bad input 400 naming the field, another unit's case 404, a second answer
 * 409, a customer recording a cost line 403; a refused request writes nothing.
 */
class WarrantyApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired com.aftercare.sla.SaveContract saveContract;
    ApiClient api;
    String customer;
    String stranger;

    @BeforeEach
    void users() {
        api = new ApiClient(rest);
        customer = "cust-warranty-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer warranty", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        stranger = "cust-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Other customer", other.getId());
        String unique = "WA-" + System.nanoTime();
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", LocalDate.now(clock).minusDays(10), String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private String path(Ticket t, String what) {
        return "/api/tickets/" + t.getId() + "/" + what;
    }

    private Ticket waitingForTheQuote() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        assertThat(openTaskKeys(ticket)).containsExactly("quoteWork");
        return ticket;
    }

    @Test
    void staffRecordLinesAndTheCustomerApprovesTheQuoteOnce() {
        Ticket ticket = waitingForTheQuote();
        assertThat(api.post("t-eng", path(ticket, "cost-lines"), Map.of("kind", "PART", "description", "Power board",
                "amount", 320.5)).status()).isEqualTo(201);
        assertThat(api.post("t-desk", path(ticket, "cost-lines"), Map.of("kind", "LABOUR", "description", "Visit",
                "amount", 100)).status()).isEqualTo(201);

        ApiClient.Response badKind = api.post("t-eng", path(ticket, "cost-lines"), Map.of("kind", "TAX", "description", "x", "amount", 1));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.errorFields()).containsExactly("kind");
        ApiClient.Response badAmount = api.post("t-eng", path(ticket, "cost-lines"), Map.of("kind", "PART", "description", "x",
                "amount", -1));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.errorFields()).containsExactly("amount");
        ApiClient.Response cents = api.post("t-eng", path(ticket, "cost-lines"), Map.of("kind", "PART", "description", "x",
                "amount", 1.005));
        assertThat(cents.errorFields()).containsExactly("amount");
        assertThat(api.post(customer, path(ticket, "cost-lines"), Map.of("kind", "PART", "description", "x", "amount", 1))
                .status()).isEqualTo(403);

        ApiClient.Response panel = api.get(customer, path(ticket, "warranty"));
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body().path("inWarranty").asBoolean()).isFalse();
        assertThat(panel.body().path("lines").size()).as("the refused lines wrote nothing").isEqualTo(2);
        assertThat(panel.body().path("cost").path("total").decimalValue()).isEqualByComparingTo("420.50");
        assertThat(panel.body().path("lines").get(0).hasNonNull("recordedBy")).as("staff names kept from the customer").isFalse();
        assertThat(api.get("t-desk", path(ticket, "warranty")).body().path("lines").get(0).path("recordedBy").asText())
                .isEqualTo("t-eng");

        complete(ticket, "quoteWork", "t-eng", Map.of());
        assertThat(api.get(customer, path(ticket, "warranty")).body().path("waitingFor").asText()).isEqualTo("QUOTE");
        ApiClient.Response noAnswer = api.post(customer, path(ticket, "quote-approval"), Map.of("reason", "?"));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.errorFields()).containsExactly("approved");
        ApiClient.Response noReason = api.post(customer, path(ticket, "quote-approval"), Map.of("approved", false));
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(api.post(stranger, path(ticket, "quote-approval"), Map.of("approved", true)).status()).isEqualTo(404);
        assertThat(api.get(stranger, path(ticket, "warranty")).status()).isEqualTo(404);
        assertThat(openTaskKeys(ticket)).containsExactly("approveQuote");

        assertThat(api.post(customer, path(ticket, "quote-approval"), Map.of("approved", true)).status()).isEqualTo(204);
        assertThat(api.post(customer, path(ticket, "quote-approval"), Map.of("approved", true)).status()).isEqualTo(409);
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        ApiClient.Response after = api.get("t-desk", path(ticket, "warranty"));
        assertThat(after.body().path("quote").path("answer").asText()).isEqualTo("APPROVED");
        assertThat(after.body().path("quote").path("by").asText()).isEqualTo(customer);
        // the case page names the person, not the account
        assertThat(after.body().path("quote").path("byName").asText()).isEqualTo("Customer warranty");
    }

    @Test
    void partsHandedBackAreRecordedByStaffWithTheFieldNamedOnBadInput() {
        Ticket ticket = report(Category.DEFECT);
        ApiClient.Response noPart = api.post("t-eng", path(ticket, "part-handovers"), Map.of("handedTo", "王工"));
        assertThat(noPart.status()).isEqualTo(400);
        assertThat(noPart.errorFields()).containsExactly("part");
        ApiClient.Response noOwner = api.post("t-eng", path(ticket, "part-handovers"), Map.of("part", "Old board"));
        assertThat(noOwner.errorFields()).containsExactly("handedTo");
        // the owner's representative signs for it (ADR 0028; the signature's own rules are in CasePartsApiTest)
        long signature = new Uploads(rest).upload("t-eng", ticket.getId(), "signature.png", "image/png",
                Uploads.image("png", 300, 100), Map.of("kind", "SIGNATURE", "visibility", "PUBLIC"), null).body().path("id").asLong();
        assertThat(api.post("t-eng", path(ticket, "part-handovers"), Map.of("part", "Old board", "handedTo", "王工",
                "signatureAttachmentId", signature)).status()).isEqualTo(201);
        assertThat(api.get(customer, path(ticket, "warranty")).body().path("handovers").size()).isEqualTo(1);
        assertThat(api.get(customer, path(ticket, "scrap-certificate")).status()).as("nothing scrapped").isEqualTo(404);
        assertThat(api.post("t-eng", "/api/tickets/999999999/part-handovers", Map.of("part", "x", "handedTo", "y")).status())
                .isEqualTo(404);
    }

    private ApiClient.Response put(String user, String path, Object body) {
        return api.exchange(user, org.springframework.http.HttpMethod.PUT, path, body, Map.of());
    }

    @Test
    void contractWarrantyTermsAreSetByTheOwnerAndBadFieldsAreNamed() {
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", java.util.Set.of(com.aftercare.identity.Role.PROCESS_OWNER));
        long contractId = saveContract.save(site.getCustomer().getId(), new com.aftercare.sla.ContractSettings("Terms contract",
                "THREE_LEVEL", com.aftercare.sla.CalendarKind.SEVEN_BY_24, "Asia/Shanghai", null, null, null, null, false, null,
                null, null)).getId();
        String path = "/api/contracts/" + contractId + "/warranty-terms";

        ApiClient.Response none = api.get("t-owner", path);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().path("deviceWarrantyMonths").isIntegralNumber()).as("no device months stated").isFalse();
        assertThat(none.body().path("replacementWarrantyMonths").asInt()).isEqualTo(12);

        ApiClient.Response set = put("t-owner", path, Map.of("acceptedOn", "2024-06-30", "deviceWarrantyMonths", 36));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("deviceWarrantyEnd").asText()).isEqualTo("2027-06-30");
        assertThat(set.body().path("replacementWarrantyMonths").asInt()).isEqualTo(12);
        assertThat(api.get("t-owner", path).body().path("acceptedOn").asText()).isEqualTo("2024-06-30");

        ApiClient.Response bad = put("t-owner", path, Map.of("deviceWarrantyMonths", 0, "replacementWarrantyMonths", 121));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("deviceWarrantyMonths", "replacementWarrantyMonths", "acceptedOn");
        assertThat(put("t-owner", path, Map.of("acceptedOn", "30.06.2024")).errorFields()).containsExactly("acceptedOn");
        assertThat(put("t-desk", path, Map.of("deviceWarrantyMonths", 24, "acceptedOn", "2025-01-01")).status()).isEqualTo(403);
        assertThat(put("t-owner", "/api/contracts/999999999/warranty-terms", Map.of()).status()).isEqualTo(404);
        // nothing refused was stored
        assertThat(api.get("t-owner", path).body().path("deviceWarrantyMonths").asInt()).isEqualTo(36);
    }
}
