package com.aftercare.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.Job;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jakarta.mail.internet.MimeMessage;

import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.notify.DeliveryWorker;
import com.aftercare.support.ReceivedMails;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * FW-6's month-end written warning (seed 003: 每月终对库存时间在2个月以上的物资进行书面预警): stale-stock-warning.bpmn's
 * daily timer, fired by executing its job, writes nothing before a month's last day, on the last day the batches
 * with stock left received more than two months before it (as they are that day, once), tells the purchasing
 * supervisors and the keepers once, and writes a month missed at its end on the first days of the next. The warning
 * reads back as an Excel sheet; only the keepers see it. The shared database holds other tests' batches, so the lines
 * are checked for this test's parts.
 */
class StaleStockWarningProcessTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired DeliveryWorker deliveries;
    ApiClient api;
    String tag;
    long warehouse;

    @BeforeEach
    void warehouse() {
        api = new ApiClient(rest);
        tag = "SW" + System.nanoTime();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    private void fireTheTimer() {
        Job timer = managementService.createJobQuery().processDefinitionKey("staleStockWarning").activityId("dayEnded").timers()
                .singleResult();
        managementService.executeJob(timer.getId());
    }

    private static long created(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    private long part(String suffix) {
        return created(api.post("t-sup", "/api/stock/parts", Map.of("partNumber", "PN-" + tag + suffix, "name", "摄像机电源",
                "model", "12V 2A", "unit", "个", "alarmLevel", 0)));
    }

    private void receive(long part, int quantity, String on, String unitCost) {
        Map<String, Object> body = new HashMap<>(Map.of("partId", part, "warehouseId", warehouse, "quantity", quantity,
                "receivedOn", on));
        if (unitCost != null) {
            body.put("unitCost", new java.math.BigDecimal(unitCost));
        }
        created(api.post("t-admin", "/api/stock/receipts", body));
    }

    private JsonNode warningOf(String month) {
        ApiClient.Response list = api.get("t-sup", "/api/stock/stale-warnings");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode w : list.body()) {
            if (w.path("month").asText().equals(month)) {
                return w;
            }
        }
        return null;
    }

    private List<JsonNode> linesOfThisTest(JsonNode warning) {
        List<JsonNode> mine = new java.util.ArrayList<>();
        warning.path("lines").forEach(l -> {
            if (l.path("partNumber").asText().startsWith("PN-" + tag)) {
                mine.add(l);
            }
        });
        return mine;
    }

    private long told(String role, String month) {
        return jdbc.queryForObject("select count(*) from notification where event_type = 'StaleStockWarned' and recipient_role = ?"
                + " and event_params like ? and event_params like ?", Long.class, role,
                "%\"month\":" + Integer.parseInt(month.substring(5)) + "%", "%\"year\":" + month.substring(0, 4) + "%");
    }

    @Test
    void onAMonthsLastDayTheStaleBatchesAreWarnedAboutInWritingOnceAndTheSupervisorsAndKeepersAreTold() throws Exception {
        at("2027-04-20T02:00:00Z");
        warehouse = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "W-" + tag, "name", "备件库 " + tag)));
        long psu = part("-psu");
        receive(psu, 3, "2027-02-27", "85.50"); // stale at the month's end: received before 2027-02-28
        receive(psu, 2, "2027-02-28", "85.50"); // exactly two months before the end: not stale yet
        receive(psu, 4, "2027-04-01", null);    // fresh
        long lens = part("-lens");
        receive(lens, 1, "2026-12-15", null);   // stale, no unit cost

        // the project's finance gets it by mail (it has no account here): set by a keeper, checked, once per address
        String finance = "finance-" + tag.toLowerCase() + "@example.com";
        String path = "/api/stock/stale-warnings/recipients";
        assertThat(api.exchange("t-sup", HttpMethod.PUT, path, Map.of("recipients", List.of("not an address")), null).errorFields())
                .containsExactly("recipients");
        List<String> eleven = java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "f" + i + "@example.com").toList();
        assertThat(api.exchange("t-sup", HttpMethod.PUT, path, Map.of("recipients", eleven), null).errorFields())
                .as("10 addresses at most").containsExactly("recipients");
        List<String> long10 = java.util.stream.IntStream.rangeClosed(1, 10)
                .mapToObj(i -> "f" + i + "-" + "x".repeat(200) + "@example.com").toList();
        assertThat(api.exchange("t-sup", HttpMethod.PUT, path, Map.of("recipients", long10), null).errorFields())
                .as("2,000 characters together at most (the column)").containsExactly("recipients");
        assertThat(api.exchange("t-eng", HttpMethod.PUT, path, Map.of("recipients", List.of(finance)), null).status()).isEqualTo(403);
        ApiClient.Response set = api.exchange("t-sup", HttpMethod.PUT, path,
                Map.of("recipients", List.of(" " + finance + " ", "", finance.toUpperCase())), null);
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(api.get("t-admin", path).body().path("recipients")).extracting(JsonNode::asText).containsExactly(finance);
        JsonNode trail = api.get("t-sup", "/api/audit?entityType=stale_stock_warning_mail&entityId=1&size=1").body().path("content");
        assertThat(trail.get(0).path("actor").asText()).as("who changed the recipients is on the audit trail").isEqualTo("t-sup");
        assertThat(trail.get(0).path("changes").path("mail_to").path("after").asText()).isEqualTo(finance);

        at("2027-04-29T09:00:00Z"); // 17:00 Beijing, the day before the month's end
        fireTheTimer();
        assertThat(warningOf("2027-04")).as("nothing before the month's last day").isNull();

        at("2027-04-30T09:00:00Z");
        fireTheTimer();
        JsonNode april = warningOf("2027-04");
        assertThat(april).isNotNull();
        assertThat(april.path("staleBefore").asText()).isEqualTo("2027-02-28");
        List<JsonNode> lines = linesOfThisTest(april);
        assertThat(lines).extracting(l -> l.path("partNumber").asText() + " " + l.path("receivedOn").asText() + " x"
                + l.path("remaining").asInt() + " " + l.path("ageDays").asInt() + "d")
                .containsExactly("PN-" + tag + "-lens 2026-12-15 x1 136d", "PN-" + tag + "-psu 2027-02-27 x3 62d");
        assertThat(lines.get(1).path("cost").decimalValue()).isEqualByComparingTo("256.50");
        assertThat(told("SUPERVISOR", "2027-04")).isEqualTo(1);
        assertThat(told("ADMIN", "2027-04")).isEqualTo(1);
        assertThat(api.get("t-sup", "/api/notifications").body().findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).startsWith("2027年4月末呆滞物资书面预警").contains("在 2027-02-28 前入库"));

        while (deliveries.deliverDue() > 0) {
            // every due delivery: classes that ran before in this JVM may have left more than a batch
        }
        List<MimeMessage> mails = ReceivedMails.to(finance);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("2027年4月末呆滞物资书面预警");
        assertThat(ReceivedMails.text(mails.get(0))).contains("在 2027-02-28 前入库");
        assertThat(ReceivedMails.attachmentNames(mails.get(0))).containsExactly("呆滞物资预警-2027-04.xlsx");

        // fired again the same day, after more stale stock came in: the written warning stays as it was, told once
        receive(lens, 5, "2027-01-05", null);
        fireTheTimer();
        assertThat(linesOfThisTest(warningOf("2027-04"))).hasSize(2);
        assertThat(told("SUPERVISOR", "2027-04")).isEqualTo(1);
        while (deliveries.deliverDue() > 0) {
            // as above
        }
        assertThat(ReceivedMails.to(finance)).hasSize(1);

        // the sheet for the project's finance
        ResponseEntity<byte[]> file = rest.withBasicAuth("t-sup", PASSWORD)
                .getForEntity("/api/stock/stale-warnings/" + april.path("id").asLong() + "/file", byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType().toString()).contains("spreadsheetml");
        List<List<String>> rows;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file.getBody()))) {
            try (Stream<Row> stream = workbook.getFirstSheet().openStream()) {
                rows = stream.map(r -> r.stream().map(c -> c == null || c.getRawValue() == null ? "" : c.getRawValue()).toList())
                        .toList();
            }
        }
        assertThat(rows.get(0).get(0)).startsWith("2027年4月末呆滞物资书面预警");
        assertThat(rows.get(1)).startsWith("仓库", "备件编号", "名称", "单位", "入库日期", "结存数量");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("W-" + tag, "PN-" + tag + "-psu", "摄像机电源", "个", "2027-02-27", "3"));

        // the keepers' and purchasing supervisors' paper: not the engineers', the desk's or a customer's
        assertThat(api.get("t-eng", "/api/stock/stale-warnings").status()).isEqualTo(403);
        assertThat(api.get("t-desk", "/api/stock/stale-warnings/" + april.path("id").asLong() + "/file").status()).isEqualTo(403);
        assertThat(api.get("t-admin", "/api/stock/stale-warnings/987654321/file").status()).isEqualTo(404);
    }

    @Test
    void aMonthMissedAtItsEndIsWrittenOnTheFirstDaysOfTheNextAndNotLater() {
        at("2027-07-20T02:00:00Z");
        warehouse = created(api.post("t-admin", "/api/stock/warehouses", Map.of("code", "W-" + tag, "name", "备件库 " + tag)));
        long psu = part("-psu");
        receive(psu, 2, "2027-03-30", null); // stale at the end of June (before 2027-04-30)... and received in the past

        at("2027-08-06T09:00:00Z"); // the sixth: too late to write July's (the first five days), and not August's end
        fireTheTimer();
        assertThat(warningOf("2027-07")).isNull();
        assertThat(warningOf("2027-08")).isNull();

        at("2027-08-05T09:00:00Z"); // the node was down on July 31st; on the fifth July's warning is written, as of the 31st
        fireTheTimer();
        JsonNode july = warningOf("2027-07");
        assertThat(july).isNotNull();
        assertThat(july.path("staleBefore").asText()).isEqualTo("2027-05-31");
        assertThat(linesOfThisTest(july)).extracting(l -> l.path("ageDays").asInt()).containsExactly(123);
        assertThat(warningOf("2027-08")).isNull();
    }
}
