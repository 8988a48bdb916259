package com.aftercare.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.support.AtOnce;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Transfers of spare parts between warehouses over HTTP (FW-6, 调拨): shipped oldest batch first, in transit in neither
 * warehouse but still the part's stock for its alarm level, received once at the target with each batch's own date
 * (so FIFO and the two-month stale age carry over). Bad input 400 naming the field, too little 409, and neither
 * leaves a transfer or a movement behind.
 */
class StockTransferApiTest extends IntegrationTest {

    private static final String TRANSFERS = "/api/stock/transfers";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    String tag;
    long centre;
    long county;

    @BeforeEach
    void warehouses() {
        api = new ApiClient(rest);
        tag = "X" + System.nanoTime();
        centre = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "C-" + tag, "name", "中心库 " + tag)));
        county = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "K-" + tag, "name", "县区备件点 " + tag)));
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private long part(String suffix, int alarmLevel) {
        return created(api.post("t-sup", "/api/stock/parts", Map.of("partNumber", "PN-" + tag + suffix, "name", "摄像机电源",
                "model", "12V 2A", "unit", "个", "alarmLevel", alarmLevel)));
    }

    private void receive(long part, long warehouse, int quantity, LocalDate on) {
        created(api.post("t-admin", "/api/stock/receipts", Map.of("partId", part, "warehouseId", warehouse, "quantity", quantity,
                "receivedOn", on.toString(), "unitCost", new java.math.BigDecimal("35.50"))));
    }

    private ApiClient.Response ship(String user, Map<String, Object> body) {
        return api.post(user, TRANSFERS, body);
    }

    private Map<String, Object> transfer(long part, long from, long to, Object quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("partId", part);
        body.put("fromWarehouseId", from);
        body.put("toWarehouseId", to);
        body.put("quantity", quantity);
        body.put("note", "县区备件点补货");
        return body;
    }

    private JsonNode partView(long part) {
        for (JsonNode p : api.get("t-eng", "/api/stock/parts").body()) {
            if (p.path("id").asLong() == part) {
                return p;
            }
        }
        throw new AssertionError("part " + part + " not listed");
    }

    private List<String> batchesIn(long part, long warehouse) {
        List<String> dates = new ArrayList<>();
        for (JsonNode b : partView(part).path("batches")) {
            if (b.path("warehouseId").asLong() == warehouse) {
                dates.add(b.path("receivedOn").asText() + "x" + b.path("remaining").asInt());
            }
        }
        return dates;
    }

    private long rows(String table, long part) {
        return jdbc.queryForObject("select count(*) from " + table + " where part_id = ?", Long.class, part);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void aTransferTakesTheOldestBatchesTravelsAndArrivesWithTheirDates() {
        long part = part("-move", 0);
        LocalDate old = today().minusDays(70); // stale already (older than two months)
        LocalDate recent = today().minusDays(1);
        receive(part, centre, 5, recent);
        receive(part, centre, 2, old);

        ApiClient.Response shipped = ship("t-sup", transfer(part, centre, county, 4));
        assertThat(shipped.status()).as(shipped.body().toString()).isEqualTo(201);
        JsonNode t = shipped.body();
        long id = t.path("id").asLong();
        assertThat(t.path("number").asText()).isEqualTo(String.format("DB-%06d", id));
        assertThat(t.path("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(t.path("fromWarehouseName").asText()).isEqualTo("中心库 " + tag);
        assertThat(t.path("toWarehouseName").asText()).isEqualTo("县区备件点 " + tag);
        assertThat(t.path("shippedBy").asText()).isEqualTo("t-sup");
        assertThat(t.path("canReceive").asBoolean()).isTrue();
        // both of the old batch, then two of the recent one
        assertThat(t.path("lines").findValuesAsText("receivedOn")).containsExactly(old.toString(), recent.toString());
        assertThat(t.path("lines").findValuesAsText("quantity")).containsExactly("2", "2");
        // on the road: in neither warehouse, but still the part's
        assertThat(batchesIn(part, centre)).containsExactly(recent + "x3");
        assertThat(batchesIn(part, county)).isEmpty();
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(3);
        assertThat(partView(part).path("inTransit").asLong()).isEqualTo(4);
        assertThat(api.get("t-eng", TRANSFERS + "?status=IN_TRANSIT").body().findValuesAsText("number")).contains(t.path("number").asText());
        // an engineer reads it but may not receive it
        JsonNode seenByEngineer = api.get("t-eng", TRANSFERS).body();
        assertThat(seenByEngineer.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(seenByEngineer.get(0).path("canReceive").asBoolean()).isFalse();
        assertThat(api.post("t-eng", TRANSFERS + "/" + id + "/receive", Map.of()).status()).isEqualTo(403);

        ApiClient.Response received = api.post("t-admin", TRANSFERS + "/" + id + "/receive", Map.of("note", "已清点，外包装完好"));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(200);
        assertThat(received.body().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.body().path("receivedBy").asText()).isEqualTo("t-admin");
        assertThat(received.body().path("receiveNote").asText()).isEqualTo("已清点，外包装完好");
        assertThat(received.body().path("canReceive").asBoolean()).isFalse();
        // the batches keep their dates (and unit cost) at the target: the old one is still stale there
        assertThat(batchesIn(part, county)).containsExactly(old + "x2", recent + "x2");
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(7);
        assertThat(partView(part).path("inTransit").asLong()).isZero();
        JsonNode stale = api.get("t-eng", "/api/stock/stale").body().path("batches");
        assertThat(stale.findValues("warehouseId").stream().filter(w -> w.asLong() == county).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select unit_cost from stock_batch where warehouse_id = ? and received_on = ?",
                java.math.BigDecimal.class, county, old)).isEqualByComparingTo("35.50");
        // the ledger: two receipts, two lines out, two lines in, each naming the transfer; all in the audit chain
        List<String> kinds = api.get("t-sup", "/api/stock/movements?partId=" + part).body().findValuesAsText("kind");
        assertThat(kinds).containsExactly("RECEIPT", "RECEIPT", "TRANSFER_OUT", "TRANSFER_OUT", "TRANSFER_IN", "TRANSFER_IN");
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where transfer_id = ?", Long.class, id)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'stock_transfer' and entity_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'stock_transfer_line' and entity_id in"
                + " (select cast(id as varchar(40)) from stock_transfer_line where transfer_id = ?)", Long.class, id)).isEqualTo(4);

        // received again: 409, nothing added
        ApiClient.Response again = api.post("t-sup", TRANSFERS + "/" + id + "/receive", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains(t.path("number").asText());
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(7);
    }

    @Test
    void badInputIs400NamingTheFieldAndTooLittleIs409AndNeitherLeavesAnything() {
        long part = part("-bad", 0);
        receive(part, centre, 3, today());
        Map<String, Object> noPart = transfer(part, centre, county, 1);
        noPart.remove("partId");
        assertThat(ship("t-sup", noPart).errorFields()).containsExactly("partId");
        assertThat(ship("t-sup", transfer(999_999_999L, centre, county, 1)).errorFields()).containsExactly("partId");
        assertThat(ship("t-sup", transfer(part, 999_999_999L, county, 1)).errorFields()).containsExactly("fromWarehouseId");
        Map<String, Object> noTarget = transfer(part, centre, county, 1);
        noTarget.remove("toWarehouseId");
        assertThat(ship("t-sup", noTarget).errorFields()).containsExactly("toWarehouseId");
        ApiClient.Response same = ship("t-sup", transfer(part, centre, centre, 1));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.errorFields()).containsExactly("toWarehouseId");
        assertThat(ship("t-sup", transfer(part, centre, county, 0)).errorFields()).containsExactly("quantity");
        assertThat(ship("t-sup", transfer(part, centre, county, -2)).errorFields()).containsExactly("quantity");
        // a million is the most one slip may carry: above it the field is refused, at it the stock is what stops it
        assertThat(ship("t-sup", transfer(part, centre, county, 1_000_001)).errorFields()).containsExactly("quantity");
        assertThat(ship("t-sup", transfer(part, centre, county, 1_000_000)).status()).isEqualTo(409);
        Map<String, Object> longNote = transfer(part, centre, county, 1);
        longNote.put("note", "备".repeat(501));
        assertThat(ship("t-sup", longNote).errorFields()).containsExactly("note");
        assertThat(ship("t-eng", transfer(part, centre, county, 1)).status()).isEqualTo(403);
        assertThat(ship("t-desk", transfer(part, centre, county, 1)).status()).isEqualTo(403);

        ApiClient.Response tooMany = ship("t-sup", transfer(part, centre, county, 4));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.detail()).contains("PN-" + tag + "-bad").contains("3").contains("4");

        assertThat(rows("stock_transfer", part)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where part_id = ? and kind like 'TRANSFER%'",
                Long.class, part)).isZero();
        assertThat(batchesIn(part, centre)).containsExactly(today() + "x3");
        assertThat(api.post("t-sup", TRANSFERS + "/999999999/receive", null).status()).isEqualTo(404);

        // the receiving keeper's note: 500 characters at most, and a refused receipt leaves the parts on the road
        Map<String, Object> fullNote = transfer(part, centre, county, 1);
        fullNote.put("note", "备".repeat(500));
        long id = created(ship("t-sup", fullNote));
        assertThat(api.post("t-sup", TRANSFERS + "/" + id + "/receive", Map.of("note", "收".repeat(501))).errorFields())
                .containsExactly("note");
        assertThat(batchesIn(part, county)).isEmpty();
        ApiClient.Response received = api.post("t-sup", TRANSFERS + "/" + id + "/receive", Map.of("note", "收".repeat(500)));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(200);
        assertThat(batchesIn(part, county)).hasSize(1);
    }

    @Test
    void partsInTransitStillCountForTheAlarmLevel() {
        long part = part("-alarm", 3);
        receive(part, centre, 6, today());
        long id = created(ship("t-sup", transfer(part, centre, county, 4)));
        assertThat(partView(part).path("atAlarm").asBoolean()).as("6 in all, 4 of them on the road").isFalse();
        // the centre's last two issued one by one: the part's total goes 5, then 4 (all of it on the road), above 3
        // each time; counting the warehouses alone it would be 1 and 0, at or below the level
        issue(part, 1);
        assertThat(alarms("PN-" + tag + "-alarm")).isZero();
        issue(part, 1);
        assertThat(alarms("PN-" + tag + "-alarm")).isZero();
        assertThat(api.post("t-sup", TRANSFERS + "/" + id + "/receive", null).status()).isEqualTo(200);
        assertThat(partView(part).path("atAlarm").asBoolean()).isFalse();
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(4);
    }

    private void issue(long part, int quantity) {
        long requisition = created(api.post("t-eng", "/api/stock/requisitions", Map.of("partId", part, "warehouseId", centre,
                "quantity", quantity, "purpose", "更换枪机电源")));
        assertThat(api.post("t-sup", "/api/stock/requisitions/" + requisition + "/decision", Map.of("approved", true)).status())
                .isEqualTo(204);
        assertThat(api.post("t-admin", "/api/stock/requisitions/" + requisition + "/issue", null).status()).isEqualTo(200);
    }

    private long alarms(String partNumber) {
        return jdbc.queryForObject("select count(*) from notification where event_type = 'StockLow' and recipient_role = 'SUPERVISOR'"
                + " and event_params like ?", Long.class, "%" + partNumber + "%");
    }

    @Test
    void twoKeepersReceivingTheSameTransferAtOnceAddItOnce() throws Exception {
        long part = part("-twice", 0);
        receive(part, centre, 2, today());
        long id = created(ship("t-sup", transfer(part, centre, county, 2)));
        List<Integer> statuses = AtOnce.statuses(() -> api.post("t-sup", TRANSFERS + "/" + id + "/receive", null).status(),
                () -> api.post("t-admin", TRANSFERS + "/" + id + "/receive", null).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(batchesIn(part, county)).containsExactly(today() + "x2");
        assertThat(jdbc.queryForObject("select count(*) from stock_movement where transfer_id = ? and kind = 'TRANSFER_IN'",
                Long.class, id)).isEqualTo(1);
    }

    @Test
    void theListShowsTheFiveHundredNewestTransfers() {
        long part = part("-many", 0);
        // received transfers of long ago (2001), so that they sort after every other test's and count for no alarm
        java.sql.Timestamp old = java.sql.Timestamp.from(java.time.Instant.parse("2001-03-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ReadTransfers.MAX_LISTED + 1; i++) {
            java.sql.Timestamp at = java.sql.Timestamp.from(old.toInstant().plusSeconds(i));
            rows.add(new Object[] { part, centre, county, at, at });
        }
        jdbc.batchUpdate("insert into stock_transfer (part_id, from_warehouse_id, to_warehouse_id, quantity, status, shipped_by,"
                + " shipped_at, received_by, received_at) values (?, ?, ?, 1, 'RECEIVED', 't-sup', ?, 't-sup', ?)", rows);
        JsonNode listed = api.get("t-sup", TRANSFERS).body();
        assertThat(listed).hasSize(500);
        long oldest = jdbc.queryForObject("select min(id) from stock_transfer where part_id = ?", Long.class, part);
        assertThat(listed.findValuesAsText("id")).as("the oldest of the 501 is left out").doesNotContain(String.valueOf(oldest));
        assertThat(ReadTransfers.MAX_LISTED).isEqualTo(500);
        assertThat(listed.findValuesAsText("shippedAt").stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aTransferShippedByMistakeIsWithdrawnAndItsPartsGoBackWithTheirDatesAndCosts() {
        long part = part("-back", 0);
        LocalDate old = today().minusDays(70);
        receive(part, centre, 2, old);
        receive(part, centre, 3, today());
        long id = created(ship("t-sup", transfer(part, centre, county, 4)));
        String cancel = TRANSFERS + "/" + id + "/cancel";

        // the reason is required and bounded; only keepers; nothing moves while refused
        assertThat(api.post("t-sup", cancel, Map.of()).errorFields()).containsExactly("reason");
        assertThat(api.post("t-sup", cancel, Map.of("reason", " ")).errorFields()).containsExactly("reason");
        assertThat(api.post("t-sup", cancel, Map.of("reason", "错".repeat(501))).errorFields()).containsExactly("reason");
        assertThat(api.post("t-eng", cancel, Map.of("reason", "发错型号")).status()).isEqualTo(403);
        assertThat(api.post("t-sup", TRANSFERS + "/999999999/cancel", Map.of("reason", "发错型号")).status()).isEqualTo(404);
        assertThat(batchesIn(part, centre)).containsExactly(today() + "x1");

        ApiClient.Response withdrawn = api.post("t-sup", cancel, Map.of("reason", "错".repeat(495) + "发错型号了"));
        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
        assertThat(withdrawn.body().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(withdrawn.body().path("cancelledBy").asText()).isEqualTo("t-sup");
        assertThat(withdrawn.body().path("cancelledByName").asText()).isEqualTo("Test Supervisor");
        assertThat(withdrawn.body().path("cancelReason").asText()).hasSize(500).endsWith("发错型号了");
        assertThat(withdrawn.body().has("cancelledAt")).isTrue();
        assertThat(withdrawn.body().path("canCancel").asBoolean()).isFalse();
        assertThat(withdrawn.body().path("canReceive").asBoolean()).isFalse();
        // back in the source with the dates they left with: the oldest still goes first, the stale age goes on
        assertThat(batchesIn(part, centre)).containsExactlyInAnyOrder(old + "x2", today() + "x2", today() + "x1");
        assertThat(batchesIn(part, county)).isEmpty();
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(5);
        assertThat(partView(part).path("inTransit").asLong()).isZero();
        assertThat(jdbc.queryForObject("select coalesce(sum(quantity), 0) from stock_movement where transfer_id = ? and kind = 'TRANSFER_BACK'",
                Long.class, id)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from stock_batch where unit_cost = 35.50 and warehouse_id = ? and id in"
                + " (select batch_id from stock_movement where transfer_id = ? and kind = 'TRANSFER_BACK')", Long.class, centre, id))
                .as("the returned batches keep their cost").isEqualTo(2);

        // neither received nor withdrawn again
        ApiClient.Response received = api.post("t-sup", TRANSFERS + "/" + id + "/receive", null);
        assertThat(received.status()).isEqualTo(409);
        assertThat(received.detail()).contains(withdrawn.body().path("number").asText());
        assertThat(api.post("t-admin", cancel, Map.of("reason", "再撤一次")).status()).isEqualTo(409);
        assertThat(api.post("t-admin", cancel, Map.of()).status()).as("withdrawn already: 409 before the missing reason")
                .isEqualTo(409);
        assertThat(batchesIn(part, county)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'stock_transfer' and entity_id = ?"
                + " and actor = 't-sup'", Long.class, String.valueOf(id))).isEqualTo(2);
        assertThat(api.get("t-eng", TRANSFERS + "?status=CANCELLED").body().findValuesAsText("id")).contains(String.valueOf(id));
    }

    @Test
    void aReceiptAndAWithdrawalAtOncePutThePartsInOneWarehouseOnly() throws Exception {
        long part = part("-race", 0);
        receive(part, centre, 2, today());
        long id = created(ship("t-sup", transfer(part, centre, county, 2)));
        List<Integer> statuses = AtOnce.statuses(() -> api.post("t-sup", TRANSFERS + "/" + id + "/receive", null).status(),
                () -> api.post("t-admin", TRANSFERS + "/" + id + "/cancel", Map.of("reason", "发错了")).status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        List<String> atTarget = batchesIn(part, county);
        List<String> atSource = batchesIn(part, centre);
        assertThat(atTarget.size() + atSource.size()).as(atTarget + " / " + atSource).isEqualTo(1);
        assertThat(partView(part).path("onHand").asLong()).isEqualTo(2);
    }
}
