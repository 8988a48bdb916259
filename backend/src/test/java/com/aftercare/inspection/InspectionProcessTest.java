package com.aftercare.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Ticket;

/**
 * Issue 16 (PM-1..PM-5) through inspection-plans.bpmn and inspection.bpmn, timers fired by executing their jobs: each
 * cycle opens its inspection on the first day of its window at 07:00 Beijing time and never twice; the time agreed by
 * the desk and moved by the customer; probes deciding the automated items; a failed item opening a fault case linked
 * to the inspection; the customer's sign-off in the portal and on the engineer's phone; the report PDF; asset records
 * verified in January and July (PM-5); the weather inspection (PM-3); and the supervisors told of an overdue one.
 */
class InspectionProcessTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired SaveInspectionPlan savePlan;
    @Autowired InspectionRepository inspections;
    @Autowired NotificationService notifications;
    ApiClient api;
    String customerUser;
    Device camera;

    @BeforeEach
    void fixtures() {
        api = new ApiClient(rest);
        customerUser = "ins-cust-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerUser, PASSWORD, "Customer of the site", site.getCustomer().getId());
        camera = assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Gate camera " + System.nanoTime(),
                "DS-2CD", "SN-CAM-" + System.nanoTime(), null, null, null, null, false));
    }

    private InspectionPlan plan(InspectionCycle cycle, List<SaveInspectionPlan.ItemCommand> items) {
        return savePlan.create(new SaveInspectionPlan.PlanCommand(site.getCustomer().getId(), null, cycle + " plan", cycle, true,
                items, null));
    }

    private static SaveInspectionPlan.ItemCommand item(DeviceType type, String item, boolean automated) {
        return new SaveInspectionPlan.ItemCommand(type, item, "看/测", automated);
    }

    private Job dayTimer() {
        return managementService.createJobQuery().processDefinitionKey("inspectionPlans").activityId("dayStarted").timers()
                .singleResult();
    }

    /** Fires the daily timer at 07:00 Beijing time on {@code day}. */
    private void fireOn(LocalDate day) {
        clock.set(day.atTime(7, 0).atZone(SHANGHAI).toInstant());
        managementService.executeJob(dayTimer().getId());
    }

    private List<Inspection> of(InspectionPlan plan) {
        return inspections.findAll().stream().filter(i -> plan.getId().equals(i.getPlanId()))
                .sorted((a, b) -> a.getWindowStart().compareTo(b.getWindowStart())).toList();
    }

    private String waitingAt(Inspection inspection) {
        List<String> active = runtimeService.getActiveActivityIds(inspection.getProcessInstanceId());
        return active.stream().filter(a -> !a.equals("inspectionWork")).findFirst().orElse(null);
    }

    private boolean ended(Inspection inspection) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(inspection.getProcessInstanceId()).count() == 0;
    }

    private Inspection reload(Inspection i) {
        return inspections.findById(i.getId()).orElseThrow();
    }

    private ApiClient.Response agree(String user, Inspection i, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("at", at.toString());
        body.put("version", reload(i).getVersion());
        return api.post(user, "/api/inspections/" + i.getId() + "/time", body);
    }

    private ApiClient.Response check(Inspection i, long checkId, String result, String note, String photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("result", result);
        body.put("note", note);
        body.put("photo", photo);
        return api.exchange("t-eng", HttpMethod.PUT, "/api/inspections/" + i.getId() + "/checks/" + checkId, body, Map.of());
    }

    private ApiClient.Response detail(String user, Inspection i) {
        return api.get(user, "/api/inspections/" + i.getId());
    }

    private static final String PHOTO = "data:image/jpeg;base64,"
            + java.util.Base64.getEncoder().encodeToString(com.aftercare.api.Uploads.image("jpg", 320, 240));
    private static final String SIGNATURE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @Test
    void eachCycleOpensItsInspectionOnTheFirstDayOfItsWindowAt0700BeijingTimeAndOnlyOnce() {
        assertThat(dayTimer().getDuedate().toInstant().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(7, 0));
        InspectionPlan weekly = plan(InspectionCycle.WEEKLY, List.of(item(DeviceType.CAMERA, "图像是否清晰", false)));
        InspectionPlan monthly = plan(InspectionCycle.MONTHLY, List.of(item(DeviceType.OTHER, "设备清洁除尘", false)));
        InspectionPlan quarterly = plan(InspectionCycle.QUARTERLY, List.of(item(DeviceType.OTHER, "网络设备端口检查", true)));
        InspectionPlan halfYearly = plan(InspectionCycle.HALF_YEARLY, List.of(item(DeviceType.OTHER, "UPS 电池放电测试", false),
                item(DeviceType.CAMERA, "机房摄像机", false)));

        // Monday 4 January 2027, 07:00 in Beijing: every plan's window contains today
        fireOn(LocalDate.of(2027, 1, 4));
        fireOn(LocalDate.of(2027, 1, 4)); // fired twice: nothing new
        assertThat(of(weekly)).singleElement().satisfies(i -> {
            assertThat(i.getWindowStart()).isEqualTo(LocalDate.of(2027, 1, 4));
            assertThat(i.getDueAt()).isEqualTo(Instant.parse("2027-01-10T16:00:00Z")); // end of Sunday 10 January, Beijing
            assertThat(i.isVerifyAssets()).isFalse();
            assertThat(i.getKind()).isEqualTo(InspectionKind.WEEKLY);
        });
        assertThat(of(monthly)).singleElement().satisfies(i -> {
            assertThat(i.getWindowStart()).isEqualTo(LocalDate.of(2027, 1, 1));
            assertThat(i.getDueAt()).isEqualTo(Instant.parse("2027-01-31T16:00:00Z"));
            assertThat(i.isVerifyAssets()).as("PM-5: January").isTrue();
        });
        assertThat(of(quarterly)).singleElement().satisfies(i -> assertThat(i.getDueAt()).isEqualTo(Instant.parse("2027-03-31T16:00:00Z")));
        assertThat(of(halfYearly)).singleElement().satisfies(i -> assertThat(i.getDueAt()).isEqualTo(Instant.parse("2027-06-30T16:00:00Z")));
        // the checklist: every item of the template on every device of its type
        assertThat(api.get("t-eng", "/api/inspections/" + of(halfYearly).get(0).getId()).body().path("checks")).hasSize(2);
        assertThat(waitingAt(of(weekly).get(0))).isEqualTo("agreeTime");

        // Sunday 10 January: still the same week; Monday 11 January: the next weekly patrol, no other cycle
        fireOn(LocalDate.of(2027, 1, 10));
        assertThat(of(weekly)).hasSize(1);
        fireOn(LocalDate.of(2027, 1, 11));
        assertThat(of(weekly)).extracting(Inspection::getWindowStart).containsExactly(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 11));
        assertThat(of(monthly)).hasSize(1);

        // 1 February: the monthly maintenance (no asset check in February); 1 April: the quarter; 1 July: the half-year
        fireOn(LocalDate.of(2027, 2, 1));
        assertThat(of(monthly)).hasSize(2);
        assertThat(of(monthly).get(1).isVerifyAssets()).isFalse();
        assertThat(of(quarterly)).hasSize(1);
        fireOn(LocalDate.of(2027, 4, 1));
        assertThat(of(quarterly)).extracting(Inspection::getWindowStart).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1));
        assertThat(of(halfYearly)).hasSize(1);
        fireOn(LocalDate.of(2027, 7, 1));
        assertThat(of(halfYearly)).extracting(Inspection::getWindowStart).containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 7, 1));
        assertThat(of(halfYearly).get(1).isVerifyAssets()).as("PM-5: July").isTrue();
        assertThat(of(quarterly)).hasSize(3);
        assertThat(of(monthly)).hasSize(4); // January, February, April, July
    }

    @Test
    void failedItemOpensALinkedFaultCaseAfterTheCustomerMovedTheDayAndTheCustomerSignsInThePortal() throws Exception {
        InspectionPlan plan = plan(InspectionCycle.MONTHLY, List.of(item(DeviceType.OTHER, "外观及清洁", false),
                item(DeviceType.OTHER, "设备在线", true)));
        fireOn(LocalDate.of(2026, 11, 2));
        Inspection inspection = of(plan).get(0);

        // the desk records the time agreed on the phone; the customer moves it to another day in the portal
        assertThat(agree("t-desk", inspection, Instant.parse("2026-11-05T01:00:00Z")).status()).isEqualTo(200);
        assertThat(waitingAt(inspection)).isEqualTo("workChecklist");
        ApiClient.Response moved = agree(customerUser, inspection, Instant.parse("2026-11-09T06:00:00Z"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().path("summary").path("agreedAt").asText()).isEqualTo("2026-11-09T06:00:00Z");
        assertThat(moved.body().path("summary").path("timesMoved").asInt()).isEqualTo(1);
        assertThat(moved.body().path("agreedVia").asText()).isEqualTo("PORTAL");
        assertThat(waitingAt(inspection)).as("moving the day does not move the process").isEqualTo("workChecklist");

        // the engineer: probes decide the automated item, the manual one fails with a note and a photo
        clock.set(Instant.parse("2026-11-09T06:30:00Z"));
        ApiClient.Response probed = api.post("t-eng", "/api/inspections/" + inspection.getId() + "/probe", null);
        assertThat(probed.status()).isEqualTo(200);
        long manual = 0;
        assertThat(probed.body().path("checks")).hasSize(2);
        for (var c : probed.body().path("checks")) {
            if (c.path("automated").asBoolean()) {
                assertThat(c.path("result").asText()).isEqualTo("PASS");
                assertThat(c.path("note").asText()).startsWith("自动检测：");
            } else if (c.path("deviceId").asLong() == device.getId()) {
                manual = c.path("id").asLong();
            }
        }
        assertThat(check(inspection, manual, "FAIL", " ", null).errorFields()).containsExactly("note");
        assertThat(check(inspection, manual, "FAIL", "机箱进水，电源指示灯不亮", PHOTO).status()).isEqualTo(200);
        long manualLine = manual;
        ApiClient.Response finished = api.post("t-eng", "/api/inspections/" + inspection.getId() + "/finish", null);
        assertThat(finished.status()).isEqualTo(200);
        assertThat(api.post("t-eng", "/api/inspections/" + inspection.getId() + "/finish", null).status())
                .as("a second click").isEqualTo(409);

        // the failed item opened a fault case on its device, linked to the inspection
        var failed = java.util.stream.StreamSupport.stream(finished.body().path("checks").spliterator(), false)
                .filter(c -> c.path("id").asLong() == manualLine).findFirst().orElseThrow();
        assertThat(failed.path("faultNumber").asText()).isNotBlank();
        Ticket fault = tickets.get(failed.path("faultTicketId").asLong());
        assertThat(fault.getDevice().getId()).isEqualTo(device.getId());
        assertThat(fault.getTitle()).contains("外观及清洁");
        assertThat(fault.getDescription()).contains("巡检单 " + inspection.getId()).contains("机箱进水");
        assertThat(finished.body().path("summary").path("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        // the counts: the detail's from its lines, the list's from one grouped query; both the same
        assertThat(finished.body().path("summary").path("items").asInt()).isEqualTo(2);
        assertThat(finished.body().path("summary").path("checked").asInt()).isEqualTo(2);
        assertThat(finished.body().path("summary").path("failed").asInt()).isEqualTo(1);
        var listed = java.util.stream.StreamSupport.stream(api.get("t-sup", "/api/inspections").body().spliterator(), false)
                .filter(s -> s.path("id").asLong() == inspection.getId()).findFirst().orElseThrow();
        assertThat(List.of(listed.path("items").asInt(), listed.path("checked").asInt(), listed.path("failed").asInt()))
                .containsExactly(2, 2, 1);
        assertThat(waitingAt(inspection)).isEqualTo("customerSignOff");
        assertThat(failed.path("photoUrl").asText()).matches("/api/inspections/" + inspection.getId() + "/photos/\\d+");

        // the customer signs their opinion in the portal: done, the process ended, the report printed in Chinese
        Map<String, Object> sign = Map.of("signerName", "赵磊", "opinion", "巡检认真，同意。");
        ApiClient.Response signed = api.post(customerUser, "/api/inspections/" + inspection.getId() + "/sign", sign);
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.body().path("summary").path("status").asText()).isEqualTo("DONE");
        assertThat(ended(inspection)).isTrue();
        String text = pdfText(inspection);
        assertThat(text).contains("巡检报告", "检查结果", "客户意见", "巡检认真，同意。", "故障工单 " + fault.getNumber(), "已在客户门户确认");

        // next month's inspection lists the faults found last time
        fireOn(LocalDate.of(2026, 12, 1));
        Inspection next = of(plan).get(1);
        ApiClient.Response nextDetail = detail("t-eng", next);
        assertThat(nextDetail.body().path("previousFaults")).singleElement()
                .satisfies(p -> assertThat(p.path("faultNumber").asText()).isEqualTo(fault.getNumber()));
    }

    private String pdfText(Inspection inspection) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(customerUser, PASSWORD);
        ResponseEntity<byte[]> pdf = rest.exchange("/api/inspections/" + inspection.getId() + "/report.pdf", HttpMethod.GET,
                new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void januaryVerifiesAssetRecordsAndTheCustomerSignsOnTheEngineersPhone() {
        InspectionPlan plan = plan(InspectionCycle.QUARTERLY, List.of(item(DeviceType.CAMERA, "云台及变焦", false)));
        fireOn(LocalDate.of(2028, 1, 3));
        Inspection inspection = of(plan).get(0);
        assertThat(inspection.isVerifyAssets()).isTrue();
        agree("t-desk", inspection, Instant.parse("2028-01-04T02:00:00Z"));
        long line = detail("t-eng", inspection).body().path("checks").get(0).path("id").asLong();
        check(inspection, line, "PASS", null, null);
        ApiClient.Response early = api.post("t-eng", "/api/inspections/" + inspection.getId() + "/finish", null);
        assertThat(early.errorFields()).containsExactly("assetChecks");

        Map<String, Object> corrected = new HashMap<>();
        corrected.put("deviceId", camera.getId());
        corrected.put("confirmed", false);
        corrected.put("serialNumber", "SN-FOUND-1");
        corrected.put("location", "东门立杆");
        ApiClient.Response verified = api.post("t-eng", "/api/inspections/" + inspection.getId() + "/assets", corrected);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("assets").get(0).path("foundSerialNumber").asText()).isEqualTo("SN-FOUND-1");
        assertThat(api.post("t-eng", "/api/inspections/" + inspection.getId() + "/finish", null).status()).isEqualTo(200);
        assertThat(reload(inspection).getStatus()).isEqualTo(InspectionStatus.AWAITING_SIGNATURE);

        // on the engineer's phone the drawn signature is required
        Map<String, Object> sign = new HashMap<>();
        sign.put("signerName", "王科长");
        assertThat(api.post("t-eng", "/api/inspections/" + inspection.getId() + "/sign", sign).errorFields()).containsExactly("signature");
        sign.put("signature", SIGNATURE);
        assertThat(api.post("t-eng", "/api/inspections/" + inspection.getId() + "/sign", sign).status()).isEqualTo(200);
        assertThat(reload(inspection).getStatus()).isEqualTo(InspectionStatus.DONE);
        assertThat(reload(inspection).getSignature()).isEqualTo(SIGNATURE);
        assertThat(ended(inspection)).isTrue();
    }

    @Test
    void weatherInspectionForMarkedSitesIsDueInTwoWorkingDaysAndTellsTheSupervisorsWhenOverdue() {
        // Friday 6 November 2026, 10:00 in Beijing: a thunderstorm warning
        clock.set(Instant.parse("2026-11-06T02:00:00Z"));
        Map<String, Object> marks = Map.of("lightning", true, "wind", false);
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/site-hazards/" + site.getId(), marks, Map.of()).status())
                .isEqualTo(200);
        ApiClient.Response started = api.post("t-desk", "/api/inspections/weather", Map.of("hazard", "LIGHTNING"));
        assertThat(started.status()).isEqualTo(201);
        var mine = java.util.stream.StreamSupport.stream(started.body().spliterator(), false)
                .filter(s -> s.path("siteId").asLong() == site.getId()).findFirst().orElseThrow();
        assertThat(mine.path("kind").asText()).isEqualTo("WEATHER");
        assertThat(mine.path("hazard").asText()).isEqualTo("LIGHTNING");
        // two working days: Monday 9 and Tuesday 10 November, 10:00
        assertThat(mine.path("dueAt").asText()).isEqualTo("2026-11-10T02:00:00Z");
        // four lightning items on each of the site's two devices
        assertThat(mine.path("items").asInt()).isEqualTo(8);
        assertThat(api.post("t-desk", "/api/inspections/weather", Map.of("hazard", "LIGHTNING")).status())
                .as("a second click starts nothing twice").isEqualTo(409);

        Inspection inspection = inspections.findById(mine.path("id").asLong()).orElseThrow();
        assertThat(waitingAt(inspection)).isEqualTo("agreeTime");
        clock.set(Instant.parse("2026-11-10T03:00:00Z"));
        Job due = managementService.createJobQuery().processInstanceId(inspection.getProcessInstanceId())
                .activityId("inspectionDue").timers().singleResult();
        assertThat(due.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-11-10T02:00:00Z"));
        managementService.executeJob(due.getId());
        assertThat(reload(inspection).getOverdueNotifiedAt()).isNotNull();
        assertThat(waitingAt(inspection)).as("still to be done").isEqualTo("agreeTime");
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR))).anyMatch(n ->
                notifications.messageFor(n, Labels.ZH).equals("巡检单 " + inspection.getId() + "（" + site.getCustomer().getName()
                        + "，恶劣天气巡查）已超过截止日期 2026-11-10 仍未完成，请督办"));
        assertThat(api.get("t-sup", "/api/inspections/overdue-count").body().path("overdue").asLong()).isPositive();
        assertThat(api.get("t-sup", "/api/inspections?overdue=true").body()).anyMatch(s -> s.path("id").asLong() == inspection.getId());
    }
}
