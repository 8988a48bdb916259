package com.aftercare.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.identity.AccountService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * CB-4 and seed 003's figures on a fixed set of cases built through the real process with the clock moved, every
 * figure checked against the hand count below (September 2026, Asia/Shanghai, one customer with three devices D1-D3
 * under the three-level contract, 7x24; level 3 = response 30 min, resolution 48 h).
 *
 * <pre>
 * case  device  received (Shanghai)  what happened                                           closed
 * A     -       09-02 10:00          consultation solved at the desk 10:05, callback score 5  09-02 10:20
 * B     D1      09-03 09:00          dispatched 09:05, accepted 09:10, on site 10:00, fixed,  09-03 12:30
 *                                    confirmed (resolved) 12:00, callback score 3
 * C     D2      09-05 09:00          dispatched 09:05, accepted 10:00 (response missed), fixed 09-08 11:00
 *                                    and confirmed 09-08 10:00 (73 h: resolution late), score 4
 * D     D1      09-20 09:00          reported as a fault: a repeat of B on D1 (RR-5); the desk   09-20 09:30
 *                                    re-classifies it as a consultation and solves it 09:05, no score
 * E     D2      09-28 09:00          still waiting at the desk at the month's end            (open)
 * F     D3      08-31 20:00          reported as a fault, re-classified and solved at the desk  09-01 01:30
 *                                    09-01 01:00 (response missed), score 5
 * (a fault kept as a fault cannot be solved at the desk: it goes to an engineer)
 *
 * closed in September: A B C D F = 5 (all reported as faults)
 * satisfaction       scored A5 B3 C4 F5 -> 4 or 5: A C F           = 3 / 4 = 75 %
 * cycle compliance   a clock missed: C, F                           = 3 / 5 = 60 %
 * repeat service     D (repeat of B)                                = 1 / 5 = 20 %
 * repair timeliness  C resolved after 48 h                          = 4 / 5 = 80 %
 * first line         at the desk: A D F                             = 3 / 5 = 60 %
 * incidents          received in September: A B C D E = 5 (F came in August, Shanghai time, though 09-01 01:00 is
 *                    still August 31 in UTC); consultation A D = 2, fault B C E = 3; all level 3
 * availability       3 devices x 30 days x 1440 = 129 600 device-minutes; down: D1 B 180 + D 5, D2 C 4 380 + E 3 780
 *                    (09-28 09:00 to 10-01 00:00), D3 F 60 (from 09-01 00:00) = 8 405 -> 121 195 / 129 600 = 93.515 %
 * good order         D2 has E open at the month's end               = 2 / 3 devices
 * </pre>
 */
class KpiDashboardTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired SaveContract saveContract;
    @Autowired AccountService accounts;
    @Autowired ComputeKpis computeKpis;
    @Autowired TestRestTemplate rest;

    private ApiClient api;
    private Device d2;
    private Device d3;
    private long customerId;

    @BeforeEach
    void contractAndDevices() {
        api = new ApiClient(rest);
        customerId = site.getCustomer().getId();
        saveContract.save(customerId, new ContractSettings("KPI contract", "THREE_LEVEL", CalendarKind.SEVEN_BY_24, "Asia/Shanghai",
                "t-desk", "t-sup", null, null, false, null, null, null));
        d2 = extraDevice("D2");
        d3 = extraDevice("D3");
    }

    private Device extraDevice(String name) {
        return assets.createDevice(new NewDevice(site.getId(), DeviceType.OTHER, name + " " + System.nanoTime(), "X1",
                "SN-" + name + "-" + System.nanoTime(), "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    private void at(String shanghai) {
        clock.set(LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant());
    }

    private Ticket open(Long deviceId, Category category, String title) {
        return reportFault.report(new NewTicket(Channel.HOTLINE, "Li Lei", "Traffic police", "13900000000", site.getId(), deviceId,
                category, Grade.LOW, Grade.LOW, title, "KPI case"), null).ticket();
    }

    private void solveAtDesk(Ticket t, String category) {
        complete(t, "firstLineResolution", "t-desk", Map.of("category", category, "solvedAtDesk", true, "deskNote", "Told how"));
    }

    private void callback(Ticket t, String score) {
        complete(t, "callRequester", "t-desk", score == null ? Map.of("callbackOutcome", "CONFIRMED")
                : Map.of("callbackOutcome", "CONFIRMED", "satisfaction", score));
    }

    /** Dispatch at +5 min, accept at the given time, on site and fixed, resolved when the tester confirms. */
    private void dispatchedFix(Ticket t, String dispatched, String accepted, String fixed, String confirmed) {
        at(dispatched);
        complete(t, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(t, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        at(accepted);
        complete(t, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(t);
        at(fixed);
        complete(t, "diagnoseAndFix", "t-eng", Map.of("cause", "Loose power cable", "fixOutcome", "FIXED",
                "solution", "Re-seated the cable"));
        probeWorker.runOnce();
        at(confirmed);
        confirmAndAudit(t);
    }

    /** The cases of the class comment, in the order they happened. */
    private Map<String, Ticket> september() {
        at("2026-08-31T20:00");
        Ticket f = open(d3.getId(), Category.DEFECT, "F");
        at("2026-09-01T01:00");
        solveAtDesk(f, "CONSULTATION");
        at("2026-09-01T01:30");
        callback(f, "5");

        at("2026-09-02T10:00");
        Ticket a = open(null, Category.CONSULTATION, "A");
        at("2026-09-02T10:05");
        solveAtDesk(a, "CONSULTATION");
        at("2026-09-02T10:20");
        callback(a, "5");

        at("2026-09-03T09:00");
        Ticket b = open(device.getId(), Category.DEFECT, "B");
        dispatchedFix(b, "2026-09-03T09:05", "2026-09-03T09:10", "2026-09-03T11:00", "2026-09-03T12:00");
        at("2026-09-03T12:30");
        callback(b, "3");

        at("2026-09-05T09:00");
        Ticket c = open(d2.getId(), Category.DEFECT, "C");
        dispatchedFix(c, "2026-09-05T09:05", "2026-09-05T10:00", "2026-09-08T09:00", "2026-09-08T10:00");
        at("2026-09-08T11:00");
        callback(c, "4");

        at("2026-09-20T09:00");
        Ticket d = open(device.getId(), Category.DEFECT, "D");
        at("2026-09-20T09:05");
        solveAtDesk(d, "CONSULTATION");
        at("2026-09-20T09:30");
        callback(d, null);

        at("2026-09-28T09:00");
        Ticket e = open(d2.getId(), Category.DEFECT, "E");
        at("2026-12-01T10:00");
        return Map.of("A", a, "B", b, "C", c, "D", d, "E", e, "F", f);
    }

    private static void figure(KpiMonth m, KpiName kpi, long numerator, long denominator) {
        KpiMonth.Figure f = m.figure(kpi);
        assertThat(f.numerator()).as(kpi + " numerator").isEqualTo(numerator);
        assertThat(f.denominator()).as(kpi + " denominator").isEqualTo(denominator);
        assertThat(f.rate()).as(kpi + " rate").isCloseTo((double) numerator / denominator, within(1e-9));
    }

    private List<Long> ids(Map<String, Ticket> cases, String... names) {
        return Stream.of(names).map(n -> cases.get(n).getId()).toList();
    }

    @Test
    void aMonthOfKnownCasesGivesTheHandCountedFigures() throws Exception {
        Map<String, Ticket> cases = september();
        ComputeKpis.Dashboard dashboard = computeKpis.compute(new KpiQuery(customerId, java.time.YearMonth.of(2026, 9)));
        KpiMonth m = dashboard.month();
        assertThat(m.from()).isEqualTo(Instant.parse("2026-08-31T16:00:00Z"));
        assertThat(m.to()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));

        figure(m, KpiName.SATISFACTION, 3, 4);
        assertThat(m.figure(KpiName.SATISFACTION).rate()).isEqualTo(0.75);
        figure(m, KpiName.CYCLE_COMPLIANCE, 3, 5);
        figure(m, KpiName.REPEAT_SERVICE, 1, 5);
        figure(m, KpiName.REPAIR_TIMELINESS, 4, 5);
        figure(m, KpiName.FIRST_LINE, 3, 5);
        figure(m, KpiName.AVAILABILITY, 121_195, 129_600);
        assertThat(m.figure(KpiName.AVAILABILITY).rate()).isCloseTo(0.93515, within(0.00001));
        figure(m, KpiName.GOOD_ORDER, 2, 3);

        assertThat(m.incidents().total()).isEqualTo(5);
        assertThat(m.incidents().byCategory()).containsExactly(new KpiMonth.Count("CONSULTATION", 2), new KpiMonth.Count("DEFECT", 3));
        assertThat(m.incidents().byLevel()).containsExactly(new KpiMonth.Count("3", 5));

        // the drill-down lists behind the figures
        assertThat(m.drills().get(KpiName.SATISFACTION).numerator()).containsExactlyInAnyOrderElementsOf(ids(cases, "A", "C", "F"));
        assertThat(m.drills().get(KpiName.SATISFACTION).denominator()).containsExactlyInAnyOrderElementsOf(ids(cases, "A", "B", "C", "F"));
        assertThat(m.drills().get(KpiName.CYCLE_COMPLIANCE).against()).containsExactlyInAnyOrderElementsOf(ids(cases, "C", "F"));
        assertThat(m.drills().get(KpiName.REPEAT_SERVICE).numerator()).containsExactlyElementsOf(ids(cases, "D"));
        assertThat(m.drills().get(KpiName.REPAIR_TIMELINESS).against()).containsExactlyElementsOf(ids(cases, "C"));
        assertThat(m.drills().get(KpiName.FIRST_LINE).numerator()).containsExactlyInAnyOrderElementsOf(ids(cases, "A", "D", "F"));
        assertThat(m.drills().get(KpiName.AVAILABILITY).against()).containsExactlyInAnyOrderElementsOf(ids(cases, "B", "C", "D", "E", "F"));
        assertThat(m.drills().get(KpiName.GOOD_ORDER).against()).containsExactlyElementsOf(ids(cases, "E"));

        // the trend: twelve months ending in September; F is August's one incident
        assertThat(dashboard.trend()).hasSize(ComputeKpis.TREND_MONTHS);
        assertThat(dashboard.trend().get(11).month()).isEqualTo(java.time.YearMonth.of(2026, 9));
        assertThat(dashboard.trend().get(10).incidents()).isEqualTo(1);

        // over the API: the same figure, the drill-down as ticket rows, and the Excel file read back
        JsonNode body = api.get("t-sup", "/api/kpi?customerId=" + customerId + "&month=2026-09").body();
        assertThat(body.path("month").path("figures").get(0).path("kpi").asText()).isEqualTo("SATISFACTION");
        assertThat(body.path("month").path("figures").get(0).path("rate").asDouble()).isEqualTo(0.75);
        JsonNode rows = api.get("t-desk", "/api/kpi/cases?customerId=" + customerId + "&month=2026-09&kpi=FIRST_LINE&part=NUMERATOR")
                .body();
        assertThat(rows.findValuesAsText("title")).containsExactlyInAnyOrder("A", "D", "F");
        assertThat(api.get("t-desk", "/api/kpi/incidents?customerId=" + customerId + "&month=2026-09&category=CONSULTATION").body()
                .findValuesAsText("title")).containsExactlyInAnyOrder("A", "D");

        List<List<String>> summary = sheet(xlsx("/api/kpi.xlsx?customerId=" + customerId + "&month=2026-09&lang=zh-CN"), 0);
        assertThat(summary.get(0).get(0)).contains("2026年9月运维服务考核指标");
        assertThat(summary.get(1)).startsWith("指标", "分子", "分母", "比率");
        assertThat(summary.get(2)).startsWith("用户满意率", "3", "4", "0.75");
        assertThat(summary.get(7)).startsWith("系统可用率", "121195", "129600");
        assertThat(summary.get(8)).startsWith("设备完好率", "2", "3");
        List<List<String>> firstLine = sheet(xlsx("/api/kpi.xlsx?customerId=" + customerId + "&month=2026-09&lang=zh-CN"), 6);
        assertThat(firstLine.get(0)).startsWith("工单号", "标题");
        assertThat(firstLine.subList(1, firstLine.size()).stream().filter(r -> r.get(9).equals("是")).map(r -> r.get(1)))
                .containsExactlyInAnyOrder("A", "D", "F");
    }

    @Test
    void aDeviceRetiredMidMonthCountsUntilThatDayAndOneReinstatedCountsAgain() {
        // November 2026 (30 days): device and D2 in service all month, D3 retired on the 11th
        at("2026-11-11T15:00");
        ApiClient.Response retired = api.post("t-admin", "/api/admin/devices/" + d3.getId() + "/retire", null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().path("retiredOn").asText()).isEqualTo("2026-11-11");
        at("2026-12-01T10:00");
        KpiMonth november = computeKpis.compute(new KpiQuery(customerId, java.time.YearMonth.of(2026, 11))).month();
        // 2 x 43 200 + 10 days x 1 440 (D3 until 11-11 00:00)
        figure(november, KpiName.AVAILABILITY, 100_800, 100_800);
        figure(november, KpiName.GOOD_ORDER, 2, 2);
        KpiMonth october = computeKpis.compute(new KpiQuery(customerId, java.time.YearMonth.of(2026, 10))).month();
        figure(october, KpiName.AVAILABILITY, 3 * 31 * 1440, 3 * 31 * 1440);
        figure(october, KpiName.GOOD_ORDER, 3, 3);

        ApiClient.Response back = api.post("t-admin", "/api/admin/devices/" + d3.getId() + "/reinstate", null);
        assertThat(back.body().hasNonNull("retiredOn")).as("back in service: no retirement day").isFalse();
        november = computeKpis.compute(new KpiQuery(customerId, java.time.YearMonth.of(2026, 11))).month();
        figure(november, KpiName.AVAILABILITY, 129_600, 129_600);
        figure(november, KpiName.GOOD_ORDER, 3, 3);
    }

    @Test
    void aCustomersUserSeesOnlyTheirOwnUnitAndOtherRolesAndBadInputAreRefused() {
        Customer other = assets.createCustomer("KPI other " + System.nanoTime());
        assets.createSite(new NewSite(other.getId(), "Other site", "Road 2", Region.CITY, "X", "1"));
        String own = "kpi-a-" + System.nanoTime();
        String stranger = "kpi-b-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(own, PASSWORD, "Own", customerId);
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Stranger", other.getId());

        at("2026-10-10T09:00");
        open(device.getId(), Category.DEFECT, "October fault");
        at("2026-10-20T09:00");

        JsonNode mine = api.get(own, "/api/kpi?month=2026-10").body();
        assertThat(mine.path("customerId").asLong()).isEqualTo(customerId);
        assertThat(mine.path("month").path("incidents").path("total").asInt()).isEqualTo(1);
        assertThat(api.get(own, "/api/kpi/incidents?month=2026-10").body().findValuesAsText("title")).containsExactly("October fault");

        assertThat(api.get(stranger, "/api/kpi?customerId=" + customerId + "&month=2026-10").status()).isEqualTo(404);
        assertThat(api.get(stranger, "/api/kpi/cases?customerId=" + customerId + "&month=2026-10&kpi=GOOD_ORDER&part=AGAINST").status())
                .isEqualTo(404);
        assertThat(api.get(stranger, "/api/kpi.xlsx?customerId=" + customerId + "&month=2026-10").status()).isEqualTo(404);
        JsonNode theirs = api.get(stranger, "/api/kpi?month=2026-10").body();
        assertThat(theirs.path("customerId").asLong()).isEqualTo(other.getId());
        assertThat(theirs.path("month").path("incidents").path("total").asInt()).isZero();

        assertThat(api.get("t-eng", "/api/kpi?month=2026-10").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/kpi?customerId=999999999").status()).isEqualTo(404);
        assertThat(api.get("t-sup", "/api/kpi?month=2026-13").status()).isEqualTo(400);
        ApiClient.Response future = api.get("t-sup", "/api/kpi?month=2027-01");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.errorFields()).containsExactly("month");
        assertThat(api.get("t-sup", "/api/kpi/cases?month=2026-10&kpi=NOPE&part=AGAINST").status()).isEqualTo(400);
        // staff without a unit see every unit together
        assertThat(api.get("t-sup", "/api/kpi?month=2026-10").body().path("month").path("incidents").path("total").asInt())
                .isGreaterThanOrEqualTo(1);
    }

    private byte[] xlsx(String path) {
        ResponseEntity<byte[]> r = rest.withBasicAuth("t-sup", PASSWORD).exchange(path, HttpMethod.GET, null, byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    private static List<List<String>> sheet(byte[] xlsx, int index) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = workbook.getSheets().toList().get(index);
            try (Stream<Row> rows = s.openStream()) {
                return rows.map(r -> r.stream().map(c -> c == null || c.getRawValue() == null ? "" : c.getRawValue()).toList())
                        .toList();
            }
        }
    }
}
