package com.aftercare.report;

import static com.aftercare.report.ReportPorts.money;
import static com.aftercare.report.ReportPorts.slip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.camunda.bpm.engine.runtime.Job;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.warranty.CaseCost;

/**
 * RR-7 on schedule: repair-reports.bpmn's monthly timer makes last month's summary on the first working day of the
 * month (so it is ready by the 10th), a second firing makes no second file, and the quarterly list carries each
 * case's costs once with totals. Files are read back with fastexcel-reader as a user would open them.
 */
@Import(ReportPorts.class)
class RepairReportsProcessTest extends IntegrationTest {

    @Autowired ReadRepairReport read;
    @Autowired ListRepairReports list;
    @Autowired GenerateRepairReport generate;
    @Autowired NotificationService notifications;
    @Autowired SaveContract saveContract;

    private long customer() {
        return site.getCustomer().getId();
    }

    private Job timer(String activityId) {
        return managementService.createJobQuery().processDefinitionKey("repairReports").activityId(activityId).timers()
                .singleResult();
    }

    private List<RepairReportView> reportsOf(ReportKind kind) {
        return list.list(customer(), kind);
    }

    private static List<List<String>> rows(byte[] xlsx, int sheet) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = workbook.getSheets().toList().get(sheet);
            try (Stream<Row> rows = s.openStream()) {
                return rows.map(r -> r.stream().map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue()).toList())
                        .toList();
            }
        }
    }

    private static String sheetName(byte[] xlsx, int sheet) throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getSheets().toList().get(sheet).getName();
        }
    }

    /** October 2026 for this test's customer: six slips, five of them belong in October's summary. */
    private void octoberSlips() {
        long c = customer();
        long t = System.nanoTime();
        slip(c, t, "R-1", "2026-10-09", "2026-10-16", "2026-10-15", "REPAIRED", false);     // back on time
        slip(c, t + 1, "R-2", "2026-10-20", "2026-10-27", "2026-10-30", "REPAIRED", true);  // back late, loaner
        slip(c, t + 2, "R-3", "2026-10-26", "2026-11-02", null, "AWAY", false);            // away, not yet due
        slip(c, t + 3, "R-4", "2026-09-21", "2026-09-28", null, "AWAY", true);             // away since September: late
        slip(c, t + 4, "R-5", "2026-10-12", "2026-10-19", "2026-10-19", "UNREPAIRABLE", false);
        slip(c, t + 5, "R-6", "2026-09-01", "2026-09-08", "2026-09-05", "REPAIRED", false);  // done before October
    }

    @Test
    void monthlyTimerMakesLastMonthsSummaryOnTheFirstWorkingDayReadyBeforeThe10th() throws Exception {
        octoberSlips();
        // Sunday 1 November 2026, 08:30 in Shanghai: a day off, nothing is made
        clock.set(Instant.parse("2026-11-01T00:30:00Z"));
        managementService.executeJob(timer("monthStarted").getId());
        assertThat(reportsOf(ReportKind.MONTHLY)).isEmpty();

        // Monday 2 November 2026, 08:30: the first working day, October's summary is made and the desk is told
        clock.set(Instant.parse("2026-11-02T00:30:00Z"));
        managementService.executeJob(timer("monthStarted").getId());
        List<RepairReportView> made = reportsOf(ReportKind.MONTHLY);
        assertThat(made).hasSize(1);
        RepairReportView report = made.get(0);
        assertThat(report.period()).isEqualTo("2026-10");
        assertThat(report.language()).isEqualTo("zh-CN");
        assertThat(report.repairs()).isEqualTo(5);
        assertThat(report.fileName()).startsWith("月度维修总结-").endsWith("-2026-10.xlsx");
        assertThat(report.createdAt()).isBefore(Instant.parse("2026-11-10T00:00:00Z"));

        byte[] xlsx = read.file(report.id()).bytes();
        assertThat(sheetName(xlsx, 0)).isEqualTo("汇总");
        List<List<String>> summary = rows(xlsx, 0);
        assertThat(summary.get(0).get(0)).endsWith("2026年10月月度维修总结");
        assertThat(summary.subList(1, 7)).extracting(r -> r.get(0) + "=" + r.get(1)).containsExactly(
                "本月送修=4", "本月返回=3", "月末仍在维修=2", "逾期未按时返回=2", "无法修复=1", "安装备用机=2");

        assertThat(sheetName(xlsx, 1)).isEqualTo("维修明细");
        List<List<String>> repairs = rows(xlsx, 1);
        assertThat(repairs.get(0)).containsExactly("工单号", "送修单号", "站点", "设备", "型号", "序列号", "故障", "维修厂家",
                "送修日期", "应返回日期", "返回日期", "维修结果", "逾期返回", "备用机");
        assertThat(repairs).hasSize(6);
        assertThat(repairs.subList(1, 6)).extracting(r -> r.get(1) + " " + r.get(11) + " " + r.get(12) + " " + r.get(13))
                .containsExactly("R-4 维修中 是 是", "R-1 已修复 否 否", "R-5 无法修复 否 否", "R-2 已修复 是 是",
                        "R-3 维修中 否 否");
        // no code of ours in any cell
        repairs.forEach(r -> assertThat(r).doesNotContain("AWAY", "REPAIRED", "UNREPAIRABLE", "true", "false"));

        assertThat(notifications.forUser("t-desk", Set.of(Role.SERVICE_DESK)))
                .anyMatch(n -> notifications.messageFor(n, Labels.ZH).startsWith("2026年10月的月度维修总结已生成"));
        assertThat(notifications.forUser("t-sup", Set.of(Role.SUPERVISOR)))
                .anyMatch(n -> notifications.messageFor(n, Labels.EN).contains("monthly repair summaries for 2026-10"));
    }

    @Test
    void theTimerFiresAt0830InTheServiceZoneWhateverTheJvmZoneAndActsOnlyUpToThe10th() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(timer("monthStarted").getDuedate().toInstant().atZone(shanghai).toLocalTime()).isEqualTo(LocalTime.of(8, 30));
        octoberSlips();
        TimeZone jvm = TimeZone.getDefault();
        try {
            // a server started in California: a cron would now mean 08:30 there (00:30 in Shanghai the next day)
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            // Wednesday 11 November 2026, 08:30 in Shanghai: a working day, but past the 10th
            clock.set(Instant.parse("2026-11-11T00:30:00Z"));
            managementService.executeJob(timer("monthStarted").getId());
            Instant next = timer("monthStarted").getDuedate().toInstant();
            assertThat(next.atZone(shanghai).toLocalTime()).isEqualTo(LocalTime.of(8, 30));
            // the engine plans the next firing from its own (real) time: within the next day
            Instant now = Instant.now();
            assertThat(next).isAfter(now).isBeforeOrEqualTo(now.plus(Duration.ofHours(24)));
        } finally {
            TimeZone.setDefault(jvm);
        }
        assertThat(reportsOf(ReportKind.MONTHLY)).as("nothing is made after the 10th").isEmpty();
    }

    @Test
    void theTimerFiredTwiceForTheSameMonthMakesOneFile() {
        octoberSlips();
        clock.set(Instant.parse("2026-11-02T00:30:00Z"));
        managementService.executeJob(timer("monthStarted").getId());
        RepairReportView first = reportsOf(ReportKind.MONTHLY).get(0);
        // the same day again (a retry), and the next day (the timer fires on each of the 1st to the 10th)
        managementService.executeJob(timer("monthStarted").getId());
        clock.set(Instant.parse("2026-11-03T00:30:00Z"));
        managementService.executeJob(timer("monthStarted").getId());
        assertThat(reportsOf(ReportKind.MONTHLY)).extracting(RepairReportView::id).containsExactly(first.id());
        // asking for it by hand finds the same file
        assertThat(generate.generate(customer(), ReportPeriod.month(java.time.YearMonth.of(2026, 10)), "t-desk").isNew()).isFalse();
    }

    @Test
    void quarterlyListCarriesEachCasesCostOnceWithTotalsInTheContractsLanguage() throws Exception {
        long c = customer();
        saveContract.save(c, new ContractSettings("Repair contract " + c, "THREE_LEVEL", CalendarKind.SEVEN_BY_24,
                "Asia/Shanghai", "t-desk", "t-sup", null, "t-admin", false, null, null, null, null, null, "en"));
        long t = System.nanoTime();
        slip(c, t, "Q-1", "2026-07-10", "2026-07-17", "2026-07-16", "REPAIRED", false);
        slip(c, t, "Q-2", "2026-08-01", "2026-08-08", "2026-08-07", "REPAIRED", false);   // the same case again
        slip(c, t + 1, "Q-3", "2026-09-15", "2026-09-22", "2026-09-21", "REPAIRED", false);
        slip(c, t + 2, "Q-0", "2026-06-30", "2026-07-07", "2026-07-06", "REPAIRED", false); // in Q2
        ReportPorts.COSTS.put(t, new CaseCost(t, false, null, money("120.50"), money("80"), money("200.50")));
        ReportPorts.COSTS.put(t + 1, new CaseCost(t + 1, true, "WARRANTY", money("0"), money("0"), money("0")));

        // National Day's holiday ends on Wednesday 7 October 2026 (holidays/2026.json); the month-start job, run here on
        // Friday 9 October, makes the third quarter's report
        clock.set(Instant.parse("2026-10-09T00:30:00Z"));
        managementService.executeJob(timer("monthStarted").getId());
        List<RepairReportView> made = reportsOf(ReportKind.QUARTERLY);
        assertThat(made).extracting(RepairReportView::period).containsExactly("2026-Q3");
        assertThat(made.get(0).language()).isEqualTo("en");
        assertThat(made.get(0).repairs()).isEqualTo(3);

        byte[] xlsx = read.file(made.get(0).id()).bytes();
        List<List<String>> rows = rows(xlsx, 0);
        assertThat(rows.get(0).get(0)).endsWith("repairs and costs, Q3 2026");
        assertThat(rows.get(1)).containsExactly("Ticket", "Repair slip", "Site", "Device", "Model", "Serial number", "Fault",
                "Vendor", "Sent on", "Returned on", "Outcome", "Parts (CNY)", "Labour (CNY)", "Total (CNY)", "Charge");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(2).subList(10, 15)).containsExactly("Repaired", "120.50", "80.00", "200.50", "Charged");
        assertThat(rows.get(3)).hasSize(11).endsWith("Repaired"); // the same case's second slip: its cost is not counted twice
        assertThat(rows.get(4).subList(10, 15)).containsExactly("Repaired", "0.00", "0.00", "0.00", "Free under warranty");
        assertThat(rows.get(5).get(0)).isEqualTo("Totals");
        assertThat(rows.get(5).subList(11, 14)).extracting(BigDecimal::new)
                .containsExactly(money("120.50"), money("80.00"), money("200.50"));
    }
}
