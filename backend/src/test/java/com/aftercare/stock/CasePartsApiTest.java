package com.aftercare.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.api.Uploads;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * FW-5 over HTTP (ADR 0028): a part for a case leaves the stock only through a requisition, and only after the owner
 * approved the case's parts (409 before, nothing moves); it is issued oldest batch first and never below zero, and the
 * case shows which batches it came from. The replaced part goes back to the owner's representative, who signs for it
 * on the pad: no signature, or a file that is not this case's signature, is 400 naming signatureAttachmentId.
 */
class CasePartsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountService accounts;
    ApiClient api;
    Uploads uploads;
    String tag;
    long warehouse;
    String customer;

    @BeforeEach
    void setUp() {
        api = new ApiClient(rest);
        uploads = new Uploads(rest);
        tag = "CP" + System.nanoTime();
        warehouse = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "W-" + tag, "name", "Service point " + tag)));
        customer = "cust-parts-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "王工", site.getCustomer().getId());
        // warranty ended ten days ago: the case is charged, so the owner approves parts and cost (ADR 0023)
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Camera " + tag, "X1", "SN-" + tag,
                "127.0.0.1", LocalDate.now(clock).minusDays(10), String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private long receive(long part, int quantity, LocalDate on) {
        Map<String, Object> body = new HashMap<>(Map.of("partId", part, "warehouseId", warehouse, "quantity", quantity));
        body.put("receivedOn", on.toString());
        return created(api.post("t-admin", "/api/stock/receipts", body));
    }

    private long approvedFor(Ticket ticket, long part, int quantity) {
        long id = created(api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse,
                "quantity", quantity, "ticketId", ticket.getId(), "purpose", "power board for " + ticket.getNumber())));
        assertThat(api.post("t-sup", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", true)).status()).isEqualTo(204);
        return id;
    }

    private int remaining(long batch) {
        return jdbc.queryForObject("select remaining from stock_batch where id = ?", Integer.class, batch);
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

    private long signature(Ticket ticket) {
        return created(uploads.upload("t-eng", ticket.getId(), "signature.png", "image/png", Uploads.image("png", 300, 100),
                Map.of("kind", "SIGNATURE", "visibility", "PUBLIC"), null));
    }

    @Test
    void aCasesPartIsIssuedOnlyAfterTheOwnersApprovalOldestBatchFirstAndTheCaseShowsTheBatches() {
        Ticket ticket = waitingForTheQuote();
        long part = created(api.post("t-sup", "/api/stock/parts", Map.of("partNumber", "PN-" + tag, "name", "电源板",
                "model", "12V 2A", "unit", "块", "alarmLevel", 0)));
        long newer = receive(part, 5, LocalDate.now(clock).minusDays(1));
        long older = receive(part, 1, LocalDate.now(clock).minusDays(20));
        long requisition = approvedFor(ticket, part, 2);

        ApiClient.Response early = api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null);
        assertThat(early.status()).as("the owner has not approved the parts yet").isEqualTo(409);
        assertThat(remaining(older)).isEqualTo(1);
        assertThat(remaining(newer)).isEqualTo(5);
        assertThat(api.get("t-eng", "/api/stock/requisitions/" + requisition).body().path("status").asText()).isEqualTo("APPROVED");
        JsonNode waiting = api.get("t-desk", "/api/tickets/" + ticket.getId() + "/stock-parts").body();
        assertThat(waiting.path("ownerApproved").asBoolean()).isFalse();
        assertThat(waiting.path("requisitions").get(0).path("issuedFrom").size()).isZero();

        // the engineer quotes the part, the owner approves in the portal
        assertThat(api.post("t-eng", "/api/tickets/" + ticket.getId() + "/cost-lines", Map.of("kind", "PART",
                "description", "电源板 PN-" + tag, "amount", 320)).status()).isEqualTo(201);
        complete(ticket, "quoteWork", "t-eng", Map.of());
        assertThat(api.post(customer, "/api/tickets/" + ticket.getId() + "/quote-approval", Map.of("approved", true)).status())
                .isEqualTo(204);

        ApiClient.Response issued = api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        assertThat(remaining(older)).isZero();
        assertThat(remaining(newer)).isEqualTo(4);

        ApiClient.Response onCase = api.get("t-desk", "/api/tickets/" + ticket.getId() + "/stock-parts");
        assertThat(onCase.status()).isEqualTo(200);
        assertThat(onCase.body().path("ownerApproved").asBoolean()).isTrue();
        JsonNode line = onCase.body().path("requisitions").get(0);
        assertThat(line.path("id").asLong()).isEqualTo(requisition);
        assertThat(line.path("status").asText()).isEqualTo("ISSUED");
        assertThat(line.path("partNumber").asText()).isEqualTo("PN-" + tag);
        assertThat(line.path("issuedBy").asText()).isEqualTo("t-admin");
        // one from the batch received 20 days ago, then one from yesterday's
        assertThat(line.path("issuedFrom").findValuesAsText("batchId")).containsExactly(String.valueOf(older), String.valueOf(newer));
        assertThat(line.path("issuedFrom").findValuesAsText("quantity")).containsExactly("1", "1");
        assertThat(line.path("issuedFrom").get(0).path("receivedOn").asText())
                .isEqualTo(LocalDate.now(clock).minusDays(20).toString());
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where ticket_id = ? and kind = 'ISSUE'", Long.class,
                ticket.getId())).isEqualTo(2);

        // more than is left: 409, and the stock stays at 4, never below zero
        long tooMany = approvedFor(ticket, part, 5);
        assertThat(api.post("t-admin", "/api/stock/requisitions/" + tooMany + "/issue", null).status()).isEqualTo(409);
        assertThat(remaining(newer)).isEqualTo(4);

        assertThat(api.get(customer, "/api/tickets/" + ticket.getId() + "/stock-parts").status())
                .as("the stock is staff only").isEqualTo(403);
        assertThat(api.get("t-desk", "/api/tickets/999999999/stock-parts").status()).isEqualTo(404);
    }

    @Test
    void theReplacedPartGoesBackSignedByTheOwnersRepresentative() {
        Ticket ticket = report(Category.DEFECT);
        Ticket other = report(Category.DEFECT);
        String path = "/api/tickets/" + ticket.getId() + "/part-handovers";
        long photo = created(uploads.upload("t-eng", ticket.getId(), "photo.jpg", "image/jpeg", Uploads.image("jpg", 100, 100),
                Map.of("kind", "PHOTO", "visibility", "PUBLIC"), null));
        long othersSignature = signature(other);

        ApiClient.Response unsigned = api.post("t-eng", path, Map.of("part", "旧电源板", "handedTo", "王工（业主代表）"));
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.errorFields()).containsExactly("signatureAttachmentId");
        ApiClient.Response aPhoto = api.post("t-eng", path, Map.of("part", "旧电源板", "handedTo", "王工", "signatureAttachmentId", photo));
        assertThat(aPhoto.errorFields()).containsExactly("signatureAttachmentId");
        ApiClient.Response elsewhere = api.post("t-eng", path, Map.of("part", "旧电源板", "handedTo", "王工",
                "signatureAttachmentId", othersSignature));
        assertThat(elsewhere.errorFields()).as("another case's signature").containsExactly("signatureAttachmentId");
        assertThat(jdbc.queryForObject("select count(*) from part_handover where ticket_id = ?", Long.class, ticket.getId()))
                .as("refused hand-overs wrote nothing").isZero();

        long signed = signature(ticket);
        assertThat(api.post("t-eng", path, Map.of("part", "旧电源板", "handedTo", "王工（业主代表）", "signatureAttachmentId", signed))
                .status()).isEqualTo(201);

        JsonNode staff = api.get("t-desk", "/api/tickets/" + ticket.getId() + "/warranty").body().path("handovers").get(0);
        assertThat(staff.path("part").asText()).isEqualTo("旧电源板");
        assertThat(staff.path("handedTo").asText()).isEqualTo("王工（业主代表）");
        assertThat(staff.path("signatureAttachmentId").asLong()).isEqualTo(signed);
        assertThat(staff.path("recordedBy").asText()).isEqualTo("t-eng");
        assertThat(staff.path("recordedAt").asText()).isNotBlank();
        assertThat(staff.path("handedAt").asText()).isNotBlank();
        JsonNode mine = api.get(customer, "/api/tickets/" + ticket.getId() + "/warranty").body().path("handovers").get(0);
        assertThat(mine.path("signatureAttachmentId").asLong()).as("the owner sees their signature").isEqualTo(signed);
        assertThat(mine.hasNonNull("recordedBy")).as("not the staff member's name").isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'part_handover' and entity_id in"
                + " (select cast(id as varchar(40)) from part_handover where ticket_id = ?)", Long.class, ticket.getId()))
                .as("the hand-over is in the audit chain").isEqualTo(1);
    }
}
