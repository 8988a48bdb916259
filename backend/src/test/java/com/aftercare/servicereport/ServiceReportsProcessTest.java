package com.aftercare.servicereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.Job;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.escalation.TellLateWork;
import com.aftercare.identity.AccountService;
import com.aftercare.inspection.InspectionCycle;
import com.aftercare.inspection.InspectionKind;
import com.aftercare.inspection.ReadInspectionMonth;
import com.aftercare.inspection.SaveInspectionPlan;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.DeliveryWorker;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.support.ReceivedMails;
import com.aftercare.support.TestSmtp;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.CloseCase;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.Ticket;

/**
 * RP-1 on schedule: service-reports.bpmn's daily timer makes last month's fault summary on the 5th (timer job executed,
 * clock set) as an Excel file (read back) and a PDF whose extracted text carries its Chinese headings, mails both
 * files to the contract's report recipients (GreenMail), makes a major fault report for a level-1 case closed the day
 * before, and tells the supervisors when a report is past its due day. A customer's user sees only their unit's
 * reports; bad recipients are a 400 naming the field.
 */
class ServiceReportsProcessTest extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired SaveContract saveContract;
    @Autowired SetReportSettings setSettings;
    @Autowired ListServiceReports list;
    @Autowired ReadServiceReportFile read;
    @Autowired NotificationService notifications;
    @Autowired DeliveryWorker deliveries;
    @Autowired CloseCase closeCase;
    @Autowired AccountService accounts;
    @Autowired TestRestTemplate rest;
    @Autowired SaveInspectionPlan savePlan;
    @Autowired ReadInspectionMonth inspectionMonth;
    @Autowired GenerateServiceReport generate;

    long customer;
    long contract;
    String mailbox;

    @BeforeEach
    void contractWithRecipients() {
        customer = site.getCustomer().getId();
        contract = saveContract.save(customer, new ContractSettings("Report contract " + customer, "THREE_LEVEL",
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", null, null, null, null, false, null, null, null)).getId();
        mailbox = "reports-" + System.nanoTime() + "@customer.example";
        setSettings.set(contract, new SetReportSettings.Command(List.of(mailbox, "pm-" + mailbox), null));
    }

    private Job timer() {
        return managementService.createJobQuery().processDefinitionKey("serviceReports").activityId("dayStarted").timers()
                .singleResult();
    }

    private void fireAt(String instant) {
        clock.set(Instant.parse(instant));
        managementService.executeJob(timer().getId());
    }

    private Ticket faultAt(String instant, Grade impact, Grade urgency) {
        clock.set(Instant.parse(instant));
        return reportFault.report(newTicket(Category.DEFECT, impact, urgency), null).ticket();
    }

    private List<ServiceReportView> reports(ServiceReportKind kind) {
        return list.list(customer, kind);
    }

    private static Map<String, List<List<String>>> sheets(byte[] xlsx) throws Exception {
        Map<String, List<List<String>>> out = new java.util.LinkedHashMap<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : workbook.getSheets().toList()) {
                try (Stream<Row> rows = s.openStream()) {
                    out.put(s.getName(), rows.map(r -> r.stream()
                            .map(c -> c == null || c.getRawValue() == null ? "" : c.getRawValue()).toList()).toList());
                }
            }
        }
        return out;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String value(List<List<String>> rows, String label) {
        return rows.stream().filter(r -> r.size() > 1 && r.get(0).equals(label)).map(r -> r.get(1)).findFirst().orElse(null);
    }

    @Test
    void theMonthlyFaultSummaryIsMadeByItsTimerOnThe5thAsExcelAndPdfAndMailedWithBothFiles() throws Exception {
        assertThat(timer().getDuedate().toInstant().atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        Ticket major = faultAt("2026-10-12T02:00:00Z", Grade.HIGH, Grade.HIGH);   // level 1: major
        faultAt("2026-10-20T03:00:00Z", Grade.LOW, Grade.LOW);                     // level 3
        Ticket closed = faultAt("2026-10-21T03:00:00Z", Grade.LOW, Grade.LOW);
        clock.set(Instant.parse("2026-10-22T03:00:00Z"));
        closeCase.close(closed.getId());
        faultAt("2026-11-02T03:00:00Z", Grade.LOW, Grade.LOW);                     // November: not in October's summary
        assertThat(tickets.get(major.getId()).getLevel()).isEqualTo("1");

        // Thursday 5 November 2026, 07:30 in Shanghai
        fireAt("2026-11-04T23:30:00Z");
        List<ServiceReportView> made = reports(ServiceReportKind.MONTHLY_FAULTS);
        assertThat(made).hasSize(1);
        ServiceReportView report = made.get(0);
        assertThat(report.period()).isEqualTo("2026-10");
        assertThat(report.dueOn()).isEqualTo(java.time.LocalDate.of(2026, 11, 5));
        assertThat(report.state()).isEqualTo("READY");
        assertThat(report.cases()).isEqualTo(3);
        assertThat(report.xlsxName()).startsWith("月度故障总结报告-").endsWith("-2026-10.xlsx");
        assertThat(report.pdfName()).endsWith("-2026-10.pdf");
        assertThat(report.mailedTo()).containsExactly(mailbox, "pm-" + mailbox);

        Map<String, List<List<String>>> xlsx = sheets(read.file(report.id(), ReadServiceReportFile.Format.XLSX).bytes());
        assertThat(xlsx.keySet()).containsExactly("概况", "按故障级别统计", "按设备类型统计", "工单明细");
        List<List<String>> overview = xlsx.get("概况");
        assertThat(overview.get(0).get(0)).endsWith("2026年10月月度故障总结报告");
        assertThat(value(overview, "受理故障")).isEqualTo("3");
        assertThat(value(overview, "关闭故障")).isEqualTo("1");
        assertThat(value(overview, "期末未关闭")).isEqualTo("2");
        assertThat(value(overview, "重大故障")).isEqualTo("1");
        assertThat(value(overview, "重大故障起算级别")).isEqualTo("1级");
        assertThat(xlsx.get("按故障级别统计")).extracting(r -> String.join("=", r)).containsExactly("级别=数量", "1级=1", "3级=2");
        List<List<String>> cases = xlsx.get("工单明细");
        assertThat(cases.get(0)).containsExactly("工单号", "受理时间", "站点", "设备", "级别", "故障现象或事由", "状态", "关闭时间",
                "故障原因");
        assertThat(cases).hasSize(4);
        assertThat(cases.get(1).get(0)).isEqualTo(tickets.get(major.getId()).getNumber());
        assertThat(cases.get(1).get(1)).isEqualTo("2026-10-12 10:00");
        cases.forEach(r -> assertThat(r).doesNotContain("DEFECT", "FAULT", "CLOSED", "NEW", "AT_DESK"));

        String text = pdfText(read.file(report.id(), ReadServiceReportFile.Format.PDF).bytes());
        assertThat(text).contains("月度故障总结报告", "概况", "按故障级别统计", "按设备类型统计", "工单明细", "受理故障", "重大故障",
                "统计期间：2026-10");
        // a narrow cell may wrap a case number over two lines
        assertThat(text.replaceAll("\\s", "")).contains(tickets.get(major.getId()).getNumber());

        // the mails: one per recipient, each with both files
        // every due delivery, not one batch: classes that ran before in this test JVM may have left more than a batch
        int attempted = 0;
        for (int batch = deliveries.deliverDue(); batch > 0; batch = deliveries.deliverDue()) {
            attempted += batch;
        }
        assertThat(attempted).isGreaterThanOrEqualTo(2);
        List<MimeMessage> mails = ReceivedMails.to(mailbox);
        assertThat(mails).isNotEmpty();
        MimeMessage monthly = mails.stream().filter(m -> subject(m).contains("月度故障总结报告")).findFirst().orElseThrow();
        assertThat(subject(monthly)).isEqualTo("【月度故障总结报告】" + site.getCustomer().getName() + " 2026年10月");
        assertThat(ReceivedMails.attachmentNames(monthly)).containsExactly(report.xlsxName(), report.pdfName());
        assertThat(ReceivedMails.to("pm-" + mailbox)).anyMatch(m -> subject(m).contains("月度故障总结报告"));

        // fired again the same day or the next: the same report, nothing new made or mailed
        fireAt("2026-11-04T23:30:00Z");
        fireAt("2026-11-05T23:30:00Z");
        assertThat(reports(ServiceReportKind.MONTHLY_FAULTS)).extracting(ServiceReportView::id).containsExactly(report.id());
        while (deliveries.deliverDue() > 0) {
            // every due delivery (see above)
        }
        assertThat(ReceivedMails.to(mailbox).stream().filter(m -> subject(m).contains("月度故障总结报告"))).hasSize(1);
    }

    /** The inspection plans' daily timer, fired at 07:00 Beijing time on {@code day}. */
    private void inspectionTimerOn(java.time.LocalDate day) {
        clock.set(day.atTime(7, 0).atZone(SHANGHAI).toInstant());
        Job job = managementService.createJobQuery().processDefinitionKey("inspectionPlans").activityId("dayStarted").timers()
                .singleResult();
        managementService.executeJob(job.getId());
    }

    /**
     * 巡检月报 for January 2027: the monthly plan's inspection (window January, due 1 February 00:00; January verifies
     * asset records, PM-5) is done on 12 January with one line failed, which opens a fault case, and the device's record
     * corrected; the weekly patrol of 4-10 January is never done. On 5 February the service-reports timer makes the
     * summary: 2 due, 1 on time, 0 late, 1 not done, 1 of the 2 lines checked (failed), 1 fault, 0 records confirmed and 1
     * corrected.
     */
    @Test
    void theMonthlyInspectionSummaryIsMadeByTheTimerOnThe5thWithItsFiguresInExcelAndPdf() throws Exception {
        ApiClient api = new ApiClient(rest);
        savePlan.create(new SaveInspectionPlan.PlanCommand(customer, null, "月度保养", InspectionCycle.MONTHLY, true,
                List.of(new SaveInspectionPlan.ItemCommand(com.aftercare.asset.DeviceType.OTHER, "外观及清洁", "目视", false)), null));
        savePlan.create(new SaveInspectionPlan.PlanCommand(customer, null, "每周视频巡检", InspectionCycle.WEEKLY, true,
                List.of(new SaveInspectionPlan.ItemCommand(com.aftercare.asset.DeviceType.OTHER, "图像清晰", "平台查看", false)), null));
        inspectionTimerOn(java.time.LocalDate.of(2027, 1, 4)); // a Monday: January's monthly and this week's patrol
        List<ReadInspectionMonth.Row> opened = inspectionMonth.of(customer, Instant.parse("2026-12-31T16:00:00Z"),
                Instant.parse("2027-01-31T16:00:00Z"));
        assertThat(opened).extracting(ReadInspectionMonth.Row::kind).containsExactly(InspectionKind.WEEKLY, InspectionKind.MONTHLY);
        long monthly = opened.get(1).id();

        clock.set(Instant.parse("2027-01-12T01:00:00Z"));
        Map<String, Object> time = new HashMap<>();
        time.put("at", "2027-01-12T02:00:00Z");
        time.put("version", api.get("t-desk", "/api/inspections/" + monthly).body().path("summary").path("version").asLong());
        assertThat(api.post("t-desk", "/api/inspections/" + monthly + "/time", time).status()).isEqualTo(200);
        long line = api.get("t-eng", "/api/inspections/" + monthly).body().path("checks").get(0).path("id").asLong();
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/inspections/" + monthly + "/checks/" + line,
                Map.of("result", "FAIL", "note", "防护罩破裂"), Map.of()).status()).isEqualTo(200);
        Map<String, Object> record = new HashMap<>(Map.of("deviceId", device.getId(), "confirmed", false, "location", "东门立杆"));
        assertThat(api.post("t-eng", "/api/inspections/" + monthly + "/assets", record).status()).isEqualTo(200);
        ApiClient.Response finished = api.post("t-eng", "/api/inspections/" + monthly + "/finish", null);
        assertThat(finished.status()).as(finished.body().toString()).isEqualTo(200);
        String faultNumber = finished.body().path("checks").get(0).path("faultNumber").asText();
        assertThat(faultNumber).isNotBlank();
        Map<String, Object> sign = Map.of("signerName", "王科长", "signature", "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        assertThat(api.post("t-eng", "/api/inspections/" + monthly + "/sign", sign).status()).isEqualTo(200);

        // Friday 5 February 2027, 07:30 in Shanghai
        fireAt("2027-02-04T23:30:00Z");
        List<ServiceReportView> made = reports(ServiceReportKind.INSPECTION_MONTHLY);
        assertThat(made).hasSize(1);
        ServiceReportView report = made.get(0);
        assertThat(report.period()).isEqualTo("2027-01");
        assertThat(report.dueOn()).isEqualTo(java.time.LocalDate.of(2027, 2, 5));
        assertThat(report.state()).isEqualTo("READY");
        assertThat(report.cases()).isEqualTo(2);
        assertThat(report.xlsxName()).startsWith("巡检月报-").endsWith("-2027-01.xlsx");
        assertThat(report.mailedTo()).containsExactly(mailbox, "pm-" + mailbox);

        Map<String, List<List<String>>> xlsx = sheets(read.file(report.id(), ReadServiceReportFile.Format.XLSX).bytes());
        assertThat(xlsx.keySet()).containsExactly("概况", "按巡检类型统计", "巡检明细");
        List<List<String>> overview = xlsx.get("概况");
        assertThat(overview.get(0).get(0)).endsWith("2027年1月巡检月报");
        assertThat(value(overview, "应巡检次数")).isEqualTo("2");
        assertThat(value(overview, "按时完成")).isEqualTo("1");
        assertThat(value(overview, "逾期完成")).isEqualTo("0");
        assertThat(value(overview, "逾期未完成")).isEqualTo("1");
        assertThat(value(overview, "巡检按时完成率")).isEqualTo("50.0%");
        assertThat(value(overview, "已检查项")).isEqualTo("1");
        assertThat(value(overview, "不合格项")).isEqualTo("1");
        assertThat(value(overview, "巡检发现故障（已建单）")).isEqualTo("1");
        assertThat(value(overview, "设备台账核对无误")).isEqualTo("0");
        assertThat(value(overview, "设备台账已更正")).isEqualTo("1");
        assertThat(xlsx.get("按巡检类型统计")).extracting(r -> String.join("=", r)).containsExactly(
                "巡检类型=应巡检=按时完成=逾期完成=逾期未完成=已检查项=不合格项=故障工单",
                "每周视频巡检=1=0=0=1=0=0=0", "月度保养=1=1=0=0=1=1=1");
        List<List<String>> rows = xlsx.get("巡检明细");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).contains("月度保养", "按时完成", "1/1", faultNumber, "0/1");
        assertThat(rows.get(1)).contains("每周视频巡检", "逾期未完成", "0/1");
        rows.forEach(r -> assertThat(r).doesNotContain("MONTHLY", "WEEKLY", "DONE", "SCHEDULED", "AWAITING_TIME"));

        String text = pdfText(read.file(report.id(), ReadServiceReportFile.Format.PDF).bytes());
        assertThat(text).contains("巡检月报", "概况", "按巡检类型统计", "巡检明细", "应巡检次数", "逾期未完成", "统计期间：2027-01");
        assertThat(text.replaceAll("\\s", "")).contains(faultNumber);

        // fired again the next day: the same report
        fireAt("2027-02-05T23:30:00Z");
        assertThat(reports(ServiceReportKind.INSPECTION_MONTHLY)).extracting(ServiceReportView::id).containsExactly(report.id());
    }

    @Test
    void aCustomerWithoutAnInspectionPlanIsOwedNoInspectionSummary() {
        fireAt("2027-03-04T23:30:00Z");
        assertThat(reports(ServiceReportKind.MONTHLY_FAULTS)).extracting(ServiceReportView::period).containsExactly("2027-02");
        assertThat(reports(ServiceReportKind.INSPECTION_MONTHLY)).isEmpty();
    }

    @Test
    void aMajorFaultClosedYesterdayGetsItsOwnReportAndTheDailyLogListsTheDay() throws Exception {
        Ticket major = faultAt("2026-11-09T01:00:00Z", Grade.HIGH, Grade.HIGH);
        clock.set(Instant.parse("2026-11-09T06:00:00Z"));
        closeCase.close(major.getId());
        // Tuesday 10 November 2026, 07:30 in Shanghai
        fireAt("2026-11-09T23:30:00Z");
        List<ServiceReportView> majors = reports(ServiceReportKind.MAJOR_FAULT);
        assertThat(majors).hasSize(1);
        ServiceReportView report = majors.get(0);
        String number = tickets.get(major.getId()).getNumber();
        assertThat(report.ticketNumber()).isEqualTo(number);
        assertThat(report.period()).isEqualTo("2026-11-09");
        assertThat(report.state()).isEqualTo("READY");
        String text = pdfText(read.file(report.id(), ReadServiceReportFile.Format.PDF).bytes());
        assertThat(text).contains("重大故障维修报告", "故障处理情况", "故障处理时长", "5小时0分");
        assertThat(text.replaceAll("\\s", "")).contains(number);

        ServiceReportView daily = reports(ServiceReportKind.DAILY_LOG).get(0);
        assertThat(daily.period()).isEqualTo("2026-11-09");
        Map<String, List<List<String>>> log = sheets(read.file(daily.id(), ReadServiceReportFile.Format.XLSX).bytes());
        assertThat(value(log.get("概况"), "受理工单")).isEqualTo("1");
        assertThat(value(log.get("概况"), "关闭工单")).isEqualTo("1");
        assertThat(log.get("工单明细")).hasSize(2);
    }

    @Test
    void aReportNotMadeByItsDueDayEscalatesToTheSupervisorsAndShowsLate() {
        faultAt("2026-10-12T02:00:00Z", Grade.LOW, Grade.LOW);
        // the server was down from the 1st to the 6th: on Saturday 7 November the summary due by the 5th is owed late
        fireAt("2026-11-06T23:30:00Z");
        ServiceReportView report = reports(ServiceReportKind.MONTHLY_FAULTS).get(0);
        assertThat(report.period()).isEqualTo("2026-10");
        assertThat(report.state()).isEqualTo("LATE");
        String name = site.getCustomer().getName();
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)))
                .anyMatch(n -> notifications.messageFor(n, Labels.ZH)
                        .equals(name + "的月度故障总结报告（2026-10）应于 2026-11-05 前生成，至今未生成，已逾期"));
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)))
                .anyMatch(n -> notifications.messageFor(n, Labels.EN).equals("The Monthly fault summary of " + name
                        + " for 2026-10 was due by 2026-11-05 and is not ready: overdue"));
        // once: firing again tells nobody a second time
        long before = notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)).stream()
                .filter(n -> notifications.messageFor(n, Labels.ZH).startsWith(name + "的月度故障总结报告")).count();
        fireAt("2026-11-07T23:30:00Z");
        fireAt("2026-11-10T23:30:00Z");
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)).stream()
                .filter(n -> notifications.messageFor(n, Labels.ZH).startsWith(name + "的月度故障总结报告")).count()).isEqualTo(before);
        // ADR 0050: down past Friday the 6th (the next working day), the run that found it reached both rungs at once;
        // made in that run, it climbs no further
        assertThat(reports(ServiceReportKind.MONTHLY_FAULTS).get(0).ladder()).extracting(TellLateWork.RungView::rung)
                .containsExactly(1, 2);
    }

    /**
     * ADR 0050: a report that stays not made climbs its ladder. A major fault report for 5 November is due on Friday
     * the 6th; its case can no longer be read, so (like a report whose files fail to render) it stays DUE. Saturday
     * 07:30: rung 1, the desk (the contract's desk lead by name) and the supervisors. Still not made when Monday the
     * 9th (the next working day) has ended: rung 2 on Tuesday, the project manager by name and the supervisors. Each
     * rung once, whatever the timer does; the board's count and the 逾期 filter show it.
     */
    @Test
    void aReportStillNotMadeClimbsToTheSecondRungAWorkingDayLaterEachRungOnce() {
        saveContract.save(customer, new ContractSettings("Report contract " + customer, "THREE_LEVEL", CalendarKind.SEVEN_BY_24,
                "Asia/Shanghai", "t-desk", "t-eng", null, null, false, null, null, null));
        clock.set(Instant.parse("2026-11-05T02:00:00Z"));
        ServiceReport owed = generate.owe(customer, ServicePeriod.day(ServiceReportKind.MAJOR_FAULT, LocalDate.of(2026, 11, 5)),
                987_654_321L, "INC-GONE", "t-desk");
        assertThat(owed.getDueOn()).isEqualTo(LocalDate.of(2026, 11, 6));
        String name = site.getCustomer().getName();
        java.util.function.Function<String, List<String>> told = user -> notifications
                .forUser(user, accounts.find(user).orElseThrow().getRoles()).stream()
                .map(n -> notifications.messageFor(n, Labels.ZH)).filter(m -> m.startsWith(name + "的重大故障维修报告（2026-11-05）"))
                .toList();

        fireAt("2026-11-05T23:30:00Z"); // Friday 6 November, its due day: not late yet
        assertThat(ladder(owed.getId())).isEmpty();
        assertThat(told.apply("t-sup")).isEmpty();

        fireAt("2026-11-06T23:30:00Z"); // Saturday 7 November 07:30
        ServiceReportView late = view(owed.getId());
        assertThat(late.state()).isEqualTo("OVERDUE");
        assertThat(late.ladder()).hasSize(1);
        assertThat(late.ladder().get(0).reachedAt()).isEqualTo(Instant.parse("2026-11-06T23:30:00Z"));
        assertThat(late.ladder().get(0).roles()).containsExactly(Role.SERVICE_DESK, Role.SUPERVISOR);
        assertThat(late.ladder().get(0).people()).containsExactly("Test Desk");
        assertThat(told.apply("t-sup")).containsExactly(name + "的重大故障维修报告（2026-11-05）应于 2026-11-06 前生成，至今未生成，已逾期");
        assertThat(told.apply("t-desk")).isNotEmpty().allMatch(m -> m.endsWith("至今未生成，已逾期"));
        assertThat(told.apply("t-eng")).isEmpty();

        fireAt("2026-11-07T23:30:00Z"); // Sunday
        fireAt("2026-11-08T23:30:00Z"); // Monday 9 November, the next working day, not over yet
        assertThat(ladder(owed.getId())).containsExactly(1);
        assertThat(told.apply("t-sup")).hasSize(1);

        fireAt("2026-11-09T23:30:00Z"); // Tuesday 10 November 07:30
        assertThat(ladder(owed.getId())).containsExactly(1, 2);
        TellLateWork.RungView second = view(owed.getId()).ladder().get(1);
        assertThat(second.roles()).containsExactly(Role.SUPERVISOR);
        assertThat(second.people()).containsExactly("Test Engineer");
        String again = name + "的重大故障维修报告（2026-11-05）应于 2026-11-06 前生成，逾期一个工作日后仍未生成，已升级至第2级";
        assertThat(told.apply("t-sup")).hasSize(2).contains(again);
        assertThat(told.apply("t-eng")).containsExactly(again);

        // the timer retried the same morning and the next days: nobody is told a third time
        fireAt("2026-11-09T23:30:00Z");
        fireAt("2026-11-10T23:30:00Z");
        assertThat(ladder(owed.getId())).containsExactly(1, 2);
        assertThat(told.apply("t-sup")).hasSize(2);
        assertThat(told.apply("t-eng")).hasSize(1);
        // October's fault summary, due by the 5th, was found late by Friday's run (rung 1) and made in it: made, it
        // never reached rung 2, however many days later the timer fired
        ServiceReportView summary = reports(ServiceReportKind.MONTHLY_FAULTS).get(0);
        assertThat(summary.period()).isEqualTo("2026-10");
        assertThat(summary.state()).isEqualTo("LATE");
        assertThat(summary.ladder()).extracting(TellLateWork.RungView::rung).containsExactly(1);

        // the supervisor board's count and the list's 逾期 filter; not for an engineer
        ApiClient api = new ApiClient(rest);
        ApiClient.Response count = api.get("t-sup", "/api/service-reports/overdue-count");
        assertThat(count.status()).isEqualTo(200);
        assertThat(count.body().path("overdue").asLong()).isEqualTo(list.overdue()).isPositive();
        ApiClient.Response filtered = api.get("t-sup", "/api/service-reports?overdue=true");
        List<Long> ids = new ArrayList<>();
        filtered.body().forEach(n -> {
            ids.add(n.path("id").asLong());
            assertThat(n.path("state").asText()).isEqualTo("OVERDUE");
        });
        assertThat(ids).contains(owed.getId()).hasSize((int) list.overdue());
        assertThat(api.get("t-eng", "/api/service-reports/overdue-count").status()).isEqualTo(403);
    }

    private ServiceReportView view(long id) {
        return reports(ServiceReportKind.MAJOR_FAULT).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private List<Integer> ladder(long id) {
        return view(id).ladder().stream().map(TellLateWork.RungView::rung).toList();
    }

    @Test
    void theQuarterlySummaryCountsTheUnitsSecurityIncidentsWithTheirKindAndImpact() throws Exception {
        ApiClient api = new ApiClient(rest);
        clock.set(Instant.parse("2026-10-20T02:00:00Z"));
        // occurred in Q3 2026 in Beijing: 1 July 00:30 (30 June 16:30 UTC) and 30 September 23:00; not 1 October 00:10
        String[][] incidents = {{"2026-06-30T16:30:00Z", "LEAK", "MINOR", "监控截图外传"},
                {"2026-09-30T15:00:00Z", "BEYOND_AUTHORIZATION", "MAJOR", "未经授权修改交换机配置"},
                {"2026-09-30T16:10:00Z", "OTHER", "MINOR", "十月的事件"}};
        for (String[] i : incidents) {
            Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "kind", i[1], "impact", i[2], "title", i[3],
                    "description", "季度报告统计用", "occurredAt", i[0]));
            assertThat(api.post("t-sup", "/api/security-incidents", body).status()).isEqualTo(201);
        }
        ApiClient.Response made = api.post("t-desk", "/api/service-reports",
                Map.of("customerId", customer, "kind", "QUARTERLY_OM", "period", "2026-Q3"));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        long id = made.body().path("id").asLong();

        Map<String, List<List<String>>> xlsx = sheets(read.file(id, ReadServiceReportFile.Format.XLSX).bytes());
        assertThat(value(xlsx.get("概况"), "安全事件次数")).isEqualTo("2");
        List<List<String>> rows = xlsx.get("安全事件");
        assertThat(rows.get(0)).containsExactly("事件编号", "发生时间", "事件类型", "影响", "状态", "事件");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("2026-07-01 00:30", "泄密", "一般", "待调查", "监控截图外传");
        assertThat(rows.get(2)).contains("2026-09-30 23:00", "超越授权操作", "重大", "未经授权修改交换机配置");
        rows.forEach(r -> assertThat(r).doesNotContain("LEAK", "MAJOR", "REPORTED", "十月的事件"));
        assertThat(pdfText(read.file(id, ReadServiceReportFile.Format.PDF).bytes())).contains("安全事件次数", "超越授权操作");

        // the monthly fault summary does not carry them (seed 003 counts them in the quarterly and annual statistics)
        ApiClient.Response monthly = api.post("t-desk", "/api/service-reports",
                Map.of("customerId", customer, "kind", "MONTHLY_FAULTS", "period", "2026-09"));
        assertThat(sheets(read.file(monthly.body().path("id").asLong(), ReadServiceReportFile.Format.XLSX).bytes()))
                .doesNotContainKey("安全事件");
    }

    @Test
    void aCustomersUserSeesAndDownloadsOnlyTheirUnitsReports() {
        ApiClient api = new ApiClient(rest);
        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        Customer other = assets.createCustomer("Unit B " + System.nanoTime());
        assets.createSite(new NewSite(other.getId(), "Site B " + System.nanoTime(), "Road 2", Region.CITY, "B", "456"));
        String user = "sr-cust-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(user, PASSWORD, "Customer A", customer);

        Map<String, Object> mine = new HashMap<>(Map.of("customerId", customer, "kind", "MONTHLY_FAULTS", "period", "2026-10"));
        ApiClient.Response made = api.post("t-desk", "/api/service-reports", mine);
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        long own = made.body().path("id").asLong();
        assertThat(api.post("t-desk", "/api/service-reports", mine).status()).as("the same period again").isEqualTo(200);
        ApiClient.Response theirs = api.post("t-desk", "/api/service-reports",
                Map.of("customerId", other.getId(), "kind", "QUARTERLY_OM", "period", "2026-Q3"));
        assertThat(theirs.status()).isEqualTo(201);
        long foreign = theirs.body().path("id").asLong();

        ApiClient.Response listed = api.get(user, "/api/service-reports");
        assertThat(listed.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        listed.body().forEach(n -> ids.add(n.path("id").asLong()));
        assertThat(ids).contains(own).doesNotContain(foreign);
        listed.body().forEach(n -> assertThat(n.path("createdBy").isMissingNode() || n.path("createdBy").isNull())
                .as("which staff account made it is not the customer's business").isTrue());
        assertThat(download(user, own, "pdf").getStatusCode().value()).isEqualTo(200);
        assertThat(download(user, own, "xlsx").getStatusCode().value()).isEqualTo(200);
        assertThat(download(user, foreign, "pdf").getStatusCode().value()).isEqualTo(404);
        assertThat(download(user, foreign, "xlsx").getStatusCode().value()).isEqualTo(404);
        assertThat(api.post(user, "/api/service-reports", mine).status()).isEqualTo(403);
        assertThat(api.post("t-eng", "/api/service-reports", mine).status()).isEqualTo(403);

        ApiClient.Response bad = api.post("t-desk", "/api/service-reports", Map.of("customerId", customer, "kind", "MONTHLY_FAULTS",
                "period", "2026-13"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("period");
        assertThat(api.post("t-desk", "/api/service-reports", Map.of("customerId", customer, "kind", "MONTHLY_FAULTS",
                "period", "2026-11")).errorFields()).as("November has not ended").containsExactly("period");
        assertThat(api.post("t-desk", "/api/service-reports", Map.of("customerId", customer, "kind", "MAJOR_FAULT"))
                .errorFields()).containsExactly("ticketId");
    }

    @Test
    void recipientsAreValidatedAndABadListIsA400NamingTheFieldThatChangesNothing() {
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
        ApiClient api = new ApiClient(rest);
        String path = "/api/contracts/" + contract + "/report-settings";
        ApiClient.Response now = api.get("t-owner", path);
        assertThat(now.status()).isEqualTo(200);
        assertThat(now.body().path("enabled").asBoolean()).isTrue();
        assertThat(now.body().path("majorLevel").asText()).isEqualTo("1");

        ApiClient.Response bad = put(api, "t-owner", path, Map.of("recipients", List.of("ok@example.com", "not an address",
                "x@y"), "majorLevel", "9"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactlyInAnyOrder("recipients", "recipients", "majorLevel");
        assertThat(api.get("t-owner", path).body().path("recipients")).extracting(n -> n.asText())
                .containsExactly(mailbox, "pm-" + mailbox);

        ApiClient.Response ok = put(api, "t-owner", path, Map.of("recipients", List.of(" a@example.com ", "", "A@example.com",
                "b@example.cn"), "majorLevel", "2"));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(ok.body().path("recipients")).extracting(n -> n.asText()).containsExactly("a@example.com", "b@example.cn");
        assertThat(ok.body().path("majorLevel").asText()).isEqualTo("2");
        assertThat(put(api, "t-desk", path, Map.of("recipients", List.of())).status()).isEqualTo(403);
        assertThat(put(api, "t-owner", "/api/contracts/999999999/report-settings", Map.of()).status()).isEqualTo(404);
    }

    private static ApiClient.Response put(ApiClient api, String user, String path, Object body) {
        return api.exchange(user, HttpMethod.PUT, path, body, Map.of());
    }

    private ResponseEntity<byte[]> download(String user, long id, String format) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, PASSWORD);
        return rest.exchange("/api/service-reports/" + id + "/" + format, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
