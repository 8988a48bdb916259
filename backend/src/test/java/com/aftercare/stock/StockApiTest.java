package com.aftercare.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Spare-parts stock over HTTP (FW-6): receipts, requisitions approved by a supervisor and issued oldest batch first,
 * the alarm level told once per crossing, stale batches (older than P2M), the monthly count. Bad input 400 naming
 * the field, wrong role 403, a second submit/decision 409, and a refused request writes nothing.
 */
class StockApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    String tag;
    long warehouse;

    @BeforeEach
    void warehouse() {
        api = new ApiClient(rest);
        tag = "T" + System.nanoTime();
        warehouse = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "W-" + tag, "name", "Service point " + tag)));
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private long part(String suffix, int alarmLevel) {
        return created(api.post("t-sup", "/api/stock/parts", Map.of("partNumber", "PN-" + tag + suffix, "name", "Camera PSU",
                "model", "12V 2A", "unit", "pcs", "alarmLevel", alarmLevel)));
    }

    private long receive(long part, int quantity, LocalDate on) {
        Map<String, Object> body = new HashMap<>(Map.of("partId", part, "warehouseId", warehouse, "quantity", quantity));
        if (on != null) {
            body.put("receivedOn", on.toString());
        }
        return created(api.post("t-admin", "/api/stock/receipts", body));
    }

    private long approved(long part, int quantity) {
        long id = created(api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse,
                "quantity", quantity, "purpose", "replace PSU at gate")));
        assertThat(api.post("t-sup", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", true)).status()).isEqualTo(204);
        return id;
    }

    private JsonNode partView(long part) {
        for (JsonNode p : api.get("t-eng", "/api/stock/parts").body()) {
            if (p.path("id").asLong() == part) {
                return p;
            }
        }
        throw new AssertionError("part " + part + " not listed");
    }

    private long alarms(String partNumber) {
        return jdbc.queryForObject("select count(*) from notification where event_type = 'StockLow' and recipient_role = 'SUPERVISOR'"
                + " and event_params like ?", Long.class, "%" + partNumber + "%");
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void issueTakesTheOldestBatchFirstAcrossBatches() {
        long part = part("-fifo", 0);
        long newer = receive(part, 5, today().minusDays(1));
        long older = receive(part, 2, today().minusDays(10));
        long requisition = approved(part, 4);

        ApiClient.Response issued = api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);
        assertThat(issued.body().path("status").asText()).isEqualTo("ISSUED");
        // all 2 of the older batch, then 2 of the newer one
        assertThat(issued.body().path("issuedFrom").findValuesAsText("batchId")).containsExactly(String.valueOf(older), String.valueOf(newer));
        assertThat(issued.body().path("issuedFrom").findValuesAsText("quantity")).containsExactly("2", "2");
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(3);
        // the ledger: two receipts, two issue lines
        List<String> kinds = api.get("t-sup", "/api/stock/movements?partId=" + part).body().findValuesAsText("kind");
        assertThat(kinds).containsExactly("RECEIPT", "RECEIPT", "ISSUE", "ISSUE");
        // and the audit chain has every movement
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'stock_movement' and entity_id in"
                + " (select cast(id as varchar(40)) from stock_movement where part_id = ?)", Long.class, part)).isEqualTo(4);
        // issued twice: 409
        assertThat(api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null).status()).isEqualTo(409);
    }

    @Test
    void issuingMoreThanIsLeftIs409AndLeavesStockAsItWas() {
        long part = part("-short", 0);
        receive(part, 1, null);
        receive(part, 1, null);
        long requisition = approved(part, 3);
        ApiClient.Response r = api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(2);
        assertThat(api.get("t-eng", "/api/stock/requisitions/" + requisition).body().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void requisitionsNeedTheSupervisorAndARejectionNeedsAReason() {
        long part = part("-req", 0);
        receive(part, 3, null);
        long id = created(api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse, "quantity", 1)));
        // an engineer cannot approve, nor issue; the desk cannot request
        assertThat(api.post("t-eng", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", true)).status()).isEqualTo(403);
        assertThat(api.post("t-eng", "/api/stock/requisitions/" + id + "/issue", null).status()).isEqualTo(403);
        assertThat(api.post("t-desk", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse, "quantity", 1))
                .status()).isEqualTo(403);
        // not yet approved: 409 on issue
        assertThat(api.post("t-admin", "/api/stock/requisitions/" + id + "/issue", null).status()).isEqualTo(409);
        ApiClient.Response noReason = api.post("t-sup", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        assertThat(api.post("t-sup", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", false, "reason", "use the spare on site"))
                .status()).isEqualTo(204);
        assertThat(api.post("t-sup", "/api/stock/requisitions/" + id + "/decision", Map.of("approved", true)).status()).isEqualTo(409);
        JsonNode view = api.get("t-eng", "/api/stock/requisitions/" + id).body();
        assertThat(view.path("status").asText()).isEqualTo("REJECTED");
        assertThat(view.path("rejectReason").asText()).isEqualTo("use the spare on site");
        // another engineer does not see it
        assertThat(api.get("t-eng2", "/api/stock/requisitions/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        long part = part("-bad", 0);
        long before = jdbc.queryForObject("select count(*) from stock_requisition", Long.class);
        ApiClient.Response zero = api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse, "quantity", 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.errorFields()).containsExactly("quantity");
        ApiClient.Response noTicket = api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", warehouse,
                "quantity", 1, "ticketId", 987654321));
        assertThat(noTicket.status()).isEqualTo(400);
        assertThat(noTicket.errorFields()).containsExactly("ticketId");
        assertThat(jdbc.queryForObject("select count(*) from stock_requisition", Long.class)).isEqualTo(before);

        ApiClient.Response future = api.post("t-admin", "/api/stock/receipts", Map.of("partId", part, "warehouseId", warehouse,
                "quantity", 1, "receivedOn", today().plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorFields()).containsExactly("receivedOn");
        ApiClient.Response negativeAlarm = api.post("t-admin", "/api/stock/parts", Map.of("partNumber", "PN-" + tag + "-neg", "name", "x",
                "unit", "pcs", "alarmLevel", -1));
        assertThat(negativeAlarm.status()).isEqualTo(400);
        assertThat(negativeAlarm.errorFields()).containsExactly("alarmLevel");
        assertThat(api.post("t-eng", "/api/stock/receipts", Map.of("partId", part, "warehouseId", warehouse, "quantity", 1)).status())
                .isEqualTo(403);
        assertThat(partView(part).path("onHand").asLong()).isZero();
        // the desk reads the levels (to tell a caller when a part is there)
        assertThat(api.get("t-desk", "/api/stock/parts").status()).isEqualTo(200);
    }

    @Test
    void theAlarmIsToldOncePerCrossingOfTheAlarmLevel() {
        long part = part("-alarm", 2);
        String number = "PN-" + tag + "-alarm";
        receive(part, 5, null);
        assertThat(partView(part).path("atAlarm").asBoolean()).isFalse();

        // 5 -> 4: above the level, nobody is told
        api.post("t-admin", "/api/stock/requisitions/" + approved(part, 1) + "/issue", null);
        assertThat(alarms(number)).isZero();
        // 4 -> 2: at the level, the supervisors are told
        assertThat(api.post("t-admin", "/api/stock/requisitions/" + approved(part, 2) + "/issue", null).status()).isEqualTo(200);
        assertThat(alarms(number)).isEqualTo(1);
        assertThat(partView(part).path("atAlarm").asBoolean()).isTrue();
        // 2 -> 1: still below, not told again
        api.post("t-admin", "/api/stock/requisitions/" + approved(part, 1) + "/issue", null);
        assertThat(alarms(number)).isEqualTo(1);
        // restocked above the level (1 -> 4), then down to 2 again: a new crossing, told again
        receive(part, 3, null);
        assertThat(partView(part).path("atAlarm").asBoolean()).isFalse();
        api.post("t-admin", "/api/stock/requisitions/" + approved(part, 2) + "/issue", null);
        assertThat(alarms(number)).isEqualTo(2);
        // the stock keepers (ADMIN) are told as well, in Chinese by default
        assertThat(jdbc.queryForObject("select count(*) from notification where event_type = 'StockLow' and recipient_role = 'ADMIN'"
                + " and event_params like ?", Long.class, "%" + number + "%")).isEqualTo(2);
    }

    @Test
    void batchesOlderThanTwoMonthsAreWarnedAboutAsStale() {
        long part = part("-stale", 0);
        // the default setting is P2M: a batch received exactly two months ago is not stale yet, one a day older is
        long edge = receive(part, 1, today().minusMonths(2));
        long stale = receive(part, 2, today().minusMonths(2).minusDays(1));
        long fresh = receive(part, 3, today());

        JsonNode response = api.get("t-eng", "/api/stock/stale").body();
        assertThat(response.path("staleAfter").asText()).isEqualTo("P2M");
        assertThat(response.path("staleBefore").asText()).isEqualTo(today().minusMonths(2).toString());
        List<String> ids = response.path("batches").findValuesAsText("id");
        assertThat(ids).contains(String.valueOf(stale)).doesNotContain(String.valueOf(edge), String.valueOf(fresh));

        JsonNode view = partView(part);
        assertThat(view.path("staleQuantity").asLong()).isEqualTo(2);
        // an issue takes the stale batch first (FIFO), and an empty batch is no longer warned about
        api.post("t-admin", "/api/stock/requisitions/" + approved(part, 2) + "/issue", null);
        assertThat(api.get("t-eng", "/api/stock/stale").body().path("batches").findValuesAsText("id")).doesNotContain(String.valueOf(stale));
    }

    @Test
    void theMonthlyCountIsSubmittedWithReasonsAndItsApprovalAdjustsTheStock() {
        long part = part("-count", 0);
        long batch = receive(part, 5, null);
        String month = java.time.YearMonth.now(clock).toString();
        // engineers do not count
        assertThat(api.post("t-eng", "/api/stock/counts", Map.of("warehouseId", warehouse, "month", month)).status()).isEqualTo(403);
        ApiClient.Response badMonth = api.post("t-admin", "/api/stock/counts", Map.of("warehouseId", warehouse, "month", "2026-13"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.errorFields()).containsExactly("month");
        long count = created(api.post("t-admin", "/api/stock/counts", Map.of("warehouseId", warehouse, "month", month)));
        assertThat(api.post("t-admin", "/api/stock/counts", Map.of("warehouseId", warehouse, "month", month)).status()).isEqualTo(409);

        JsonNode sheet = api.get("t-admin", "/api/stock/counts/" + count).body();
        assertThat(sheet.path("lines")).hasSize(1);
        JsonNode line = sheet.path("lines").get(0);
        assertThat(line.path("batchId").asLong()).isEqualTo(batch);
        assertThat(line.path("expected").asInt()).isEqualTo(5);
        long lineId = line.path("id").asLong();

        // nothing counted: submit names the line
        ApiClient.Response uncounted = api.post("t-admin", "/api/stock/counts/" + count + "/submit", null);
        assertThat(uncounted.status()).isEqualTo(400);
        assertThat(uncounted.errorFields()).containsExactly("lines[0].counted");
        // counted 4 without a reason: the difference needs one
        JsonNode entered = api.exchange("t-admin", HttpMethod.PUT, "/api/stock/counts/" + count + "/lines",
                Map.of("lines", List.of(Map.of("lineId", lineId, "counted", 4))), null).body();
        assertThat(entered.path("lines").get(0).path("difference").asInt()).isEqualTo(-1);
        ApiClient.Response noReason = api.post("t-admin", "/api/stock/counts/" + count + "/submit", null);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("lines[0].reason");
        ApiClient.Response negative = api.exchange("t-admin", HttpMethod.PUT, "/api/stock/counts/" + count + "/lines",
                Map.of("lines", List.of(Map.of("lineId", lineId, "counted", -1))), null);
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("lines[0].counted");
        api.exchange("t-admin", HttpMethod.PUT, "/api/stock/counts/" + count + "/lines",
                Map.of("lines", List.of(Map.of("lineId", lineId, "counted", 4, "reason", "one found broken in its box"))), null);
        assertThat(api.post("t-admin", "/api/stock/counts/" + count + "/submit", null).status()).isEqualTo(204);
        assertThat(api.post("t-admin", "/api/stock/counts/" + count + "/submit", null).status()).isEqualTo(409);
        // counts are not changed once submitted
        assertThat(api.exchange("t-admin", HttpMethod.PUT, "/api/stock/counts/" + count + "/lines",
                Map.of("lines", List.of(Map.of("lineId", lineId, "counted", 5))), null).status()).isEqualTo(409);

        // the keeper (ADMIN) does not approve; the supervisor sends it back, then approves the recount
        assertThat(api.post("t-admin", "/api/stock/counts/" + count + "/decision", Map.of("approved", true)).status()).isEqualTo(403);
        assertThat(api.post("t-sup", "/api/stock/counts/" + count + "/decision", Map.of("approved", false)).errorFields())
                .containsExactly("reason");
        assertThat(api.post("t-sup", "/api/stock/counts/" + count + "/decision", Map.of("approved", false, "reason", "count shelf B again"))
                .status()).isEqualTo(204);
        assertThat(api.get("t-admin", "/api/stock/counts/" + count).body().path("status").asText()).isEqualTo("COUNTING");
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(5);
        assertThat(api.post("t-admin", "/api/stock/counts/" + count + "/submit", null).status()).isEqualTo(204);
        assertThat(api.post("t-sup", "/api/stock/counts/" + count + "/decision", Map.of("approved", true)).status()).isEqualTo(204);
        assertThat(api.post("t-sup", "/api/stock/counts/" + count + "/decision", Map.of("approved", true)).status()).isEqualTo(409);

        assertThat(partView(part).path("onHand").asLong()).isEqualTo(4);
        JsonNode ledger = api.get("t-sup", "/api/stock/movements?partId=" + part).body();
        assertThat(ledger.findValuesAsText("kind")).containsExactly("RECEIPT", "ADJUSTMENT");
        assertThat(ledger.get(1).path("quantity").asInt()).isEqualTo(-1);
        assertThat(ledger.get(1).path("note").asText()).isEqualTo("one found broken in its box");
    }
}
