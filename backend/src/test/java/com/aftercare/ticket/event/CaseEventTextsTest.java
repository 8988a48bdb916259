package com.aftercare.ticket.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.aftercare.calendar.WorkingWindow;
import com.aftercare.labels.Labels;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ContractTerms;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;

/** Every case event reads as whole Chinese or whole English, with labels for every code. */
class CaseEventTextsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String NUMBER = "AC-20261203-0042";
    /** What users typed or are called; chosen in both languages, and taken out before the language checks. */
    private static final List<String> USERS_WORDS = List.of(NUMBER, "摄像机黑屏", "东门路口站", "t-eng", "t-desk",
            "电源线松动", "客户周末不在", "备件周一到", "太贵", "先修", "1号摄像机", "1号摄像机（新）", "电源板", "王工", "DS-2CD", "厂家热线占线", "已发方案", "Camera C-01", "升级到2级：全部用户中断",
            // issue 15: who sent a mail and its subject, and a mail's file name
            "张工 <zhang@customer.example>", "someone@unknown.example", "stranger@elsewhere.example", "摄像头无画面", "门禁无法刷卡",
            "Re: 硬盘报警", "录像调取", "tool.exe",
            // issue 16: a customer unit as named in the asset archive
            "市公安局",
            // RP-5: a change request's number (CHG-nnnnnn) and what its tester typed
            "CHG-000012", "PoE 掉电", "核心交换机固件升级", "与重保时段冲突", "备机运行正常", "全部摄像机画面中断约 20 分钟", "已回刷旧固件",
            "回刷旧固件", "厂商撤回固件", "画面已恢复", "王主任", "三号楼监控仍有丢包", "示范市气象台发布雷电黄色预警", "CI-000003", "视频监控平台", "升级后端口协商异常",
            // RP-6: a security incident's number (SEC-nnnnnn) and its title as reported
            "SEC-000003", "工程师私自拷贝卡口数据",
            // IN-10: a missed caller as the earlier cases know them
            "孙浩 · 示范市公安局",
            // issue 14: a monitoring source as the admin named it
            "总部监控",
            // CB-1..CB-3: a customer unit's name and a survey comment
            "交警支队", "工程师很及时",
            // issue 13: what people typed on a repair slip, a progress report and a loaner
            "海康威视", "RS-001", "模拟摄像机，无法取流", "厂家已更换主板，正在老化测试", "DS-2CD3T46", "LN-0001",
            // issue 13: a spare part as the catalogue names it
            "CAM-PSU-12V", "摄像机电源", "个", // a spare part's number, name and unit as typed in the catalogue
            // issue 14: a probe agent's name as the admin typed it
            "东门机房代理");

    private final CaseEventTexts texts = new CaseEventTexts(new Labels());

    /** One or more instances of every CaseEvent record: the test below fails if a record has none. */
    static Map<String, CaseEvent> samples() {
        Map<String, CaseEvent> s = new LinkedHashMap<>();
        s.put("created", new CaseEvent.Created(NUMBER, Channel.HOTLINE, "摄像机黑屏", null));
        s.put("createdLater", new CaseEvent.Created(NUMBER, Channel.WEB, "摄像机黑屏", Instant.parse("2026-12-03T00:15:00Z")));
        s.put("policyAdopted", new CaseEvent.PolicyAdopted("THREE_LEVEL"));
        s.put("levelFallback", new CaseEvent.LevelFallback("7", "3"));
        s.put("levelDecided", new CaseEvent.LevelDecided("2", "L2 part of users / 部分用户受影响", Grade.MEDIUM, Grade.HIGH));
        s.put("levelChanged", new CaseEvent.LevelChanged("3", "2", "升级到2级：全部用户中断"));
        s.put("policyChanged", new CaseEvent.PolicyChanged("CLASS_ABCD", 2));
        s.put("contractTermsChanged", new CaseEvent.ContractTermsChanged(
                new ContractTerms(CalendarKind.SEVEN_BY_24, SHANGHAI, List.of()),
                new ContractTerms(CalendarKind.FIVE_BY_8, SHANGHAI, List.of(WorkingWindow.of("08:30", "12:00")))));
        s.put("holidayCalendarApplied", new CaseEvent.HolidayCalendarApplied(2027, List.of(
                new CaseEvent.DueMoved(ClockName.RESOLUTION, Instant.parse("2027-01-05T10:00:00Z"), Instant.parse("2027-01-06T10:00:00Z")),
                new CaseEvent.DueMoved(ClockName.FAULT_REPORT, Instant.parse("2027-01-06T10:00:00Z"), Instant.parse("2027-01-07T10:00:00Z")))));
        s.put("holidayCalendarAppliedRungs", new CaseEvent.HolidayCalendarApplied(2027, List.of()));
        s.put("clocksPaused", new CaseEvent.ClocksPaused("WAITING_CUSTOMER"));
        s.put("clocksPausedByStatus", new CaseEvent.ClocksPaused("AWAITING_VENDOR"));
        s.put("clocksResumed", new CaseEvent.ClocksResumed(null));
        s.put("clocksResumedBecause", new CaseEvent.ClocksResumed("WAITING_PARTS"));
        s.put("onHold", new CaseEvent.OnHold("WAITING_PARTS", "备件周一到"));
        s.put("holdReleased", new CaseEvent.HoldReleased("WAITING_PARTS"));
        s.put("arrivedOnSite", new CaseEvent.ArrivedOnSite("t-eng", "东门路口站"));
        s.put("deliverable", new CaseEvent.DeliverableSubmitted("SOLUTION_PLAN", "已发方案"));
        s.put("abnormal", new CaseEvent.AbnormalEventReported("厂家热线占线", true));
        s.put("abnormalTakenUp", new CaseEvent.AbnormalEventTakenUp("t-desk"));
        s.put("delay", new CaseEvent.DelayReported("客户周末不在"));
        s.put("assigned", new CaseEvent.Assigned("t-eng"));
        s.put("assignedToAll", new CaseEvent.Assigned(null));
        s.put("taskCompleted", new CaseEvent.TaskCompleted("dispatch", "diagnoseAndFix", "Diagnose and fix", List.of(
                new CaseEvent.FieldValue("cause", "电源线松动"), new CaseEvent.FieldValue("fixOutcome", "FIXED"),
                new CaseEvent.FieldValue("solution", " "))));
        s.put("deskTask", new CaseEvent.TaskCompleted("fault-intake", "firstLineResolution", "First-line resolution at the desk",
                List.of(new CaseEvent.FieldValue("category", "DEFECT"), new CaseEvent.FieldValue("solvedAtDesk", false),
                        new CaseEvent.FieldValue("deskNote", null))));
        s.put("responded", new CaseEvent.Responded(null));
        s.put("respondedLate", new CaseEvent.Responded(Instant.parse("2026-12-03T01:00:00Z")));
        s.put("resolved", new CaseEvent.Resolved("ON_SITE", false));
        s.put("resolvedLate", new CaseEvent.Resolved("AT_DESK", true));
        s.put("reopened", new CaseEvent.Reopened());
        s.put("closed", new CaseEvent.Closed());
        s.put("reminded", new CaseEvent.Reminded("t-eng"));
        s.put("remindedDesk", new CaseEvent.Reminded(null));
        s.put("reassigned", new CaseEvent.Reassigned(null, "t-eng", null));
        s.put("reassignedBecause", new CaseEvent.Reassigned("t-eng", "t-desk", "客户周末不在"));
        s.put("nudged", new CaseEvent.Nudged("t-eng", null));
        s.put("nudgedWithNote", new CaseEvent.Nudged("t-eng", "厂家热线占线"));
        s.put("escalated", new CaseEvent.Escalated(NUMBER, "3", ClockName.DISPATCH, List.of(3), false,
                Duration.ofMinutes(-290), null, "东门路口站", null, "摄像机黑屏"));
        s.put("escalatedLate", new CaseEvent.Escalated(NUMBER, "A", ClockName.PM_REPORT, List.of(1, 2, 3), true,
                Duration.ofMinutes(30), Duration.ofMinutes(65), "东门路口站", "t-eng", "摄像机黑屏"));
        s.put("deEscalated", new CaseEvent.DeEscalated(NUMBER, ClockName.RESPONSE, "MET", Duration.ofMinutes(5), "摄像机黑屏"));
        s.put("deEscalatedLate", new CaseEvent.DeEscalated(NUMBER, ClockName.RESOLUTION, "MISSED", Duration.ofMinutes(-75), "摄像机黑屏"));
        s.put("probePassed", new CaseEvent.ProbeChecked("Camera C-01", true, 2, 0));
        s.put("probeFailed", new CaseEvent.ProbeChecked("Camera C-01", false, 2, 1));
        s.put("probeNoDevice", new CaseEvent.ProbeChecked(null, true, 0, 0));
        s.put("probeNoChecks", new CaseEvent.ProbeChecked("Camera C-01", true, 0, 0));
        s.put("probeNotRun", new CaseEvent.ProbeChecked(null, false, 0, 0));
        s.put("mentioned", new CaseEvent.Mentioned(NUMBER, "t-desk", "已发方案"));
        s.put("probeWaived", new CaseEvent.ProbeChecked("Camera C-01", true, 2, 2, 2, "t-desk"));
        s.put("probeNotConfigured", new CaseEvent.ProbeChecked("Camera C-01", false, 2, 2, 2, null));
        s.put("verificationWaived", new CaseEvent.VerificationWaived("Camera C-01", "模拟摄像机，无法取流"));
        s.put("reportOverdue", new CaseEvent.ReportOverdue("t-eng", java.time.Duration.ofHours(24)));
        s.put("sentToVendor", new CaseEvent.SentToVendor("海康威视", "RS-001", java.time.Instant.parse("2026-10-09T02:00:00Z")));
        s.put("vendorReturnOverdue", new CaseEvent.VendorReturnOverdue("海康威视", "RS-001", java.time.Instant.parse("2026-10-09T02:00:00Z")));
        s.put("backFromVendor", new CaseEvent.BackFromVendor("海康威视", "RS-001", "REPAIRED", false));
        s.put("backFromVendorLate", new CaseEvent.BackFromVendor("海康威视", "RS-001", "UNREPAIRABLE", true));
        s.put("progressReportDue", new CaseEvent.ProgressReportDue("t-eng"));
        s.put("progressReportDueDesk", new CaseEvent.ProgressReportDue(null));
        s.put("progressReportLate", new CaseEvent.ProgressReportLate("t-eng", java.time.Instant.parse("2026-11-05T02:00:00Z")));
        s.put("progressReportLateDesk", new CaseEvent.ProgressReportLate(null, java.time.Instant.parse("2026-11-05T02:00:00Z")));
        s.put("progressReported", new CaseEvent.ProgressReported("海康威视", "厂家已更换主板，正在老化测试"));
        s.put("loanerInstalled", new CaseEvent.LoanerInstalled("DS-2CD3T46", "LN-0001"));
        s.put("loanerCollected", new CaseEvent.LoanerCollected("DS-2CD3T46", "LN-0001"));
        s.put("stockLow", new CaseEvent.StockLow("CAM-PSU-12V", "摄像机电源", 2, "个", 2));
        s.put("staleStockWarned", new CaseEvent.StaleStockWarned(2026, 11, 3, 12, java.time.LocalDate.of(2026, 9, 30)));
        java.time.Instant changeStart = java.time.Instant.parse("2027-03-03T01:00:00Z");
        java.time.Instant changeEnd = java.time.Instant.parse("2027-03-03T03:00:00Z");
        s.put("hotlineCallMissed", new CaseEvent.HotlineCallMissed("13911110001", null, java.time.Instant.parse("2026-11-05T02:30:40Z")));
        s.put("hotlineCallMissedKnown", new CaseEvent.HotlineCallMissed("13911110001", "孙浩 · 示范市公安局",
                java.time.Instant.parse("2026-11-05T02:30:40Z")));
        s.put("securityIncidentReported", new CaseEvent.SecurityIncidentReported("SEC-000003", "工程师私自拷贝卡口数据", "交警支队",
                "DATA_THEFT", "SERIOUS", "t-eng"));
        s.put("changeSubmitted", new CaseEvent.ChangeSubmitted("CHG-000012", "核心交换机固件升级", "交警支队", false, "t-eng"));
        s.put("changeSubmittedMajor", new CaseEvent.ChangeSubmitted("CHG-000012", "核心交换机固件升级", "交警支队", true, "t-eng"));
        s.put("changeApproved", new CaseEvent.ChangeDecided("CHG-000012", "核心交换机固件升级", true, "t-desk", null));
        s.put("changeApprovedWithNote", new CaseEvent.ChangeDecided("CHG-000012", "核心交换机固件升级", true, "t-desk", "与重保时段冲突"));
        s.put("changeRejected", new CaseEvent.ChangeDecided("CHG-000012", "核心交换机固件升级", false, "t-desk", "与重保时段冲突"));
        s.put("changeTestPassed", new CaseEvent.ChangeTested("CHG-000012", "核心交换机固件升级", true, "t-eng", "备机运行正常"));
        s.put("changeTestFailed", new CaseEvent.ChangeTested("CHG-000012", "核心交换机固件升级", false, "t-eng", "PoE 掉电"));
        s.put("changeAnnounced", new CaseEvent.ChangeAnnounced("CHG-000012", "核心交换机固件升级", "交警支队", changeStart, changeEnd,
                "全部摄像机画面中断约 20 分钟", "回刷旧固件", false));
        s.put("changeRescheduled", new CaseEvent.ChangeAnnounced("CHG-000012", "核心交换机固件升级", "交警支队", changeStart, changeEnd,
                "全部摄像机画面中断约 20 分钟", "回刷旧固件", true));
        s.put("changeCancelled", new CaseEvent.ChangeCancelled("CHG-000012", "核心交换机固件升级", changeStart, "厂商撤回固件"));
        s.put("changeWindowOpened", new CaseEvent.ChangeWindowOpened("CHG-000012", "核心交换机固件升级", changeEnd));
        s.put("changeOverrun", new CaseEvent.ChangeOverrun("CHG-000012", "核心交换机固件升级", changeEnd, "t-eng"));
        s.put("changeSucceeded", new CaseEvent.ChangeFinished("CHG-000012", "核心交换机固件升级", "SUCCEEDED", "画面已恢复"));
        s.put("changeRolledBack", new CaseEvent.ChangeFinished("CHG-000012", "核心交换机固件升级", "ROLLED_BACK", "已回刷旧固件"));
        s.put("weatherWarning", new CaseEvent.WeatherWarningReceived("示范市气象台发布雷电黄色预警", "LIGHTNING", "YELLOW", 3));
        s.put("weatherWarningNone", new CaseEvent.WeatherWarningReceived("示范市气象台发布雷电黄色预警", "LIGHTNING", "YELLOW", 0));
        s.put("changeNotAccepted", new CaseEvent.ChangeNotAccepted("CHG-000012", "核心交换机固件升级", "王主任", "三号楼监控仍有丢包"));
        s.put("configItemNamed", new CaseEvent.ConfigItemNamed("CI-000003", "视频监控平台", true));
        s.put("configItemUnnamed", new CaseEvent.ConfigItemNamed("CI-000003", "视频监控平台", false));
        s.put("causedByChange", new CaseEvent.CausedByChange("CHG-000012", "核心交换机固件升级", null, true));
        s.put("causedByChangeWithNote", new CaseEvent.CausedByChange("CHG-000012", "核心交换机固件升级", "升级后端口协商异常", true));
        s.put("causedByChangeWithdrawn", new CaseEvent.CausedByChange("CHG-000012", "核心交换机固件升级", null, false));
        s.put("repeatRepair", new CaseEvent.RepeatRepairFlagged(NUMBER));
        s.put("quoteApproved", new CaseEvent.QuoteAnswered(true, "t-desk", null));
        s.put("quoteRefused", new CaseEvent.QuoteAnswered(false, "t-desk", "太贵"));
        s.put("replacementProposed", new CaseEvent.ReplacementProposed("UNREPAIRABLE", "DS-2CD"));
        s.put("replacementApproved", new CaseEvent.ReplacementAnswered(true, "t-desk", null));
        s.put("replacementRefused", new CaseEvent.ReplacementAnswered(false, "t-desk", "先修"));
        s.put("deviceReplaced", new CaseEvent.DeviceReplaced("1号摄像机", "1号摄像机（新）", false));
        s.put("deviceReplacedScrapped", new CaseEvent.DeviceReplaced("1号摄像机", "1号摄像机（新）", true));
        s.put("partHandedOver", new CaseEvent.PartHandedOver("电源板", "王工"));
        s.put("alarmReceived", new CaseEvent.AlarmReceived("总部监控", "CRITICAL", "Camera C-01", "10.20.0.31"));
        s.put("alarmReceivedUnmatched", new CaseEvent.AlarmReceived("总部监控", "WARNING", null, "10.20.0.2"));
        s.put("alarmRetriggered", new CaseEvent.AlarmRetriggered("总部监控", "摄像机黑屏", 3));
        s.put("alarmAcknowledged", new CaseEvent.AlarmAcknowledged("总部监控"));
        s.put("alarmResolved", new CaseEvent.AlarmResolved("总部监控", Instant.parse("2026-12-04T00:17:00Z")));
        s.put("requestClockStarted", new CaseEvent.RequestClockStarted("COMPLAINT", null, Instant.parse("2026-12-07T02:00:00Z")));
        s.put("requestClockStartedItem", new CaseEvent.RequestClockStarted("SERVICE_REQUEST", "FOOTAGE_EXTRACTION",
                Instant.parse("2026-12-07T02:00:00Z")));
        s.put("requestOverdue", new CaseEvent.RequestOverdue("COMPLAINT", null, Instant.parse("2026-12-07T02:00:00Z"), "t-desk, t-eng"));
        s.put("complaintOwnerAssigned", new CaseEvent.ComplaintOwnerAssigned("t-eng"));
        s.put("complaintReplied", new CaseEvent.ComplaintReplied("t-eng", "已发方案"));
        s.put("alarmFlapping", new CaseEvent.AlarmFlapping("总部监控", 3, Duration.ofMinutes(10)));
        s.put("mailOpened", new CaseEvent.MailReceived("张工 <zhang@customer.example>", "摄像头无画面", true, true));
        s.put("mailOpenedUnknown", new CaseEvent.MailReceived("someone@unknown.example", "门禁无法刷卡", true, false));
        s.put("mailReply", new CaseEvent.MailReceived("张工 <zhang@customer.example>", "Re: 硬盘报警", false, true));
        s.put("mailReplyUnknown", new CaseEvent.MailReceived("stranger@elsewhere.example", "录像调取", false, false));
        s.put("reopenedByMail", new CaseEvent.ReopenedByMail("张工 <zhang@customer.example>", "Re: 硬盘报警"));
        s.put("mailAboutClosedCase", new CaseEvent.MailAboutClosedCase(NUMBER, Duration.ofDays(7)));
        s.put("mailAttachmentRefused", new CaseEvent.MailAttachmentRefused("tool.exe"));
        s.put("repairSummaryReady", new CaseEvent.RepairReportsReady("MONTHLY", 2026, 10, 3));
        s.put("repairListReady", new CaseEvent.RepairReportsReady("QUARTERLY", 2026, 3, 2));
        // issue 16: an inspection not done by the end of its window
        s.put("inspectionOverdue", new CaseEvent.InspectionOverdue(12, "市公安局", "WEEKLY", java.time.LocalDate.of(2026, 11, 8)));
        s.put("serviceReportOverdue", new CaseEvent.ServiceReportOverdue("MONTHLY_FAULTS", "2026-10", "东门路口站",
                java.time.LocalDate.of(2026, 11, 5)));
        s.put("serviceReportStillOverdue", new CaseEvent.ServiceReportOverdue("MONTHLY_FAULTS", "2026-10", "东门路口站",
                java.time.LocalDate.of(2026, 11, 5), 2));
        s.put("surveyLateSample", new CaseEvent.SurveyLate("SAMPLE", "交警支队", NUMBER, java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 10, 31), Instant.parse("2026-11-30T16:00:00Z"), 1));
        s.put("surveyStillLateCallback", new CaseEvent.SurveyLate("CALLBACK", "交警支队", null, java.time.LocalDate.of(2026, 10, 15),
                java.time.LocalDate.of(2026, 11, 14), Instant.parse("2026-11-14T16:00:00Z"), 2));
        s.put("probeWaitsForAgent", new CaseEvent.ProbeWaitsForAgent("1号摄像机", "东门机房代理", "东门路口站"));
        s.put("recheckQueued", new CaseEvent.RecheckQueued("1号摄像机"));
        // issue 15: linked cases, seen from each side, and a duplicate closed
        s.put("casesLinkedRelated", new CaseEvent.CasesLinked(NUMBER, "RELATED"));
        s.put("casesLinkedDuplicateOf", new CaseEvent.CasesLinked(NUMBER, "DUPLICATE_OF"));
        s.put("casesLinkedDuplicatedBy", new CaseEvent.CasesLinked(NUMBER, "DUPLICATED_BY"));
        s.put("casesUnlinked", new CaseEvent.CasesUnlinked(NUMBER, "RELATED"));
        s.put("closedAsDuplicate", new CaseEvent.ClosedAsDuplicate(NUMBER));
        s.put("solvedFromArticle", new CaseEvent.SolvedFromArticle(7, "摄像机黑屏"));
        // CB-1..CB-3: surveys and callbacks
        s.put("surveysOpened", new CaseEvent.SurveysOpened("QUARTERLY", 3));
        s.put("surveyOverdue", new CaseEvent.SurveyOverdue("交警支队", 2026, 3, Instant.parse("2026-10-20T16:00:00Z")));
        s.put("surveyAnswered", new CaseEvent.SurveyAnswered(5, 4, 5, null));
        s.put("surveyAnsweredWithComment", new CaseEvent.SurveyAnswered(5, 4, 5, "工程师很及时"));
        return s;
    }

    @Test
    void everyKindOfCaseEventHasASample() {
        Set<Class<?>> sampled = samples().values().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsAll(Arrays.asList(CaseEvent.class.getPermittedSubclasses()));
    }

    @Test
    void everyEventReadsAsWholeChineseAndAsWholeEnglish() {
        samples().forEach((name, event) -> {
            String zh = texts.line(event, Labels.ZH, SHANGHAI);
            String en = texts.line(event, Labels.EN, SHANGHAI);
            TimelineLanguageAssertions.assertChinese(zh, USERS_WORDS);
            TimelineLanguageAssertions.assertEnglish(en, USERS_WORDS);
            assertThat(zh).as(name).isNotEqualTo(en).doesNotContain("null");
            assertThat(en).as(name).doesNotContain("null");
            TimelineLanguageAssertions.assertChinese(texts.subject(event, Labels.ZH), USERS_WORDS);
            TimelineLanguageAssertions.assertEnglish(texts.subject(event, Labels.EN), USERS_WORDS);
        });
    }

    @Test
    void aCompletedTaskShowsTheFormsLabelsAndOptionNamesAndLeavesBlanksOut() {
        CaseEvent desk = samples().get("deskTask");
        assertThat(texts.line(desk, Labels.ZH, SHANGHAI)).isEqualTo("完成「故障受理（一线处理）」：类别：故障；服务台已解决：否");
        assertThat(texts.line(desk, Labels.EN, SHANGHAI))
                .isEqualTo("Completed “First-line resolution”: Category: Fault; Solved at the desk: No");
        CaseEvent fix = samples().get("taskCompleted");
        assertThat(texts.line(fix, Labels.ZH, SHANGHAI)).isEqualTo("完成「故障诊断与处理」：故障原因：电源线松动；处理结果：已修复");
        assertThat(texts.line(fix, Labels.EN, SHANGHAI)).isEqualTo("Completed “Diagnose and fix”: Cause: 电源线松动; Outcome: Fixed");
    }

    @Test
    void peopleAreNamedByTheirDisplayNamesAndAUserNameNoAccountHasStaysAsGiven() {
        // the case page names the engineer 张伟; the timeline must not say "派单给 t-eng" beside it
        CaseEventTexts named = new CaseEventTexts(new Labels(), u -> Map.of("t-eng", "张伟", "t-desk", "王芳").getOrDefault(u, u));
        assertThat(named.line(new CaseEvent.Assigned("t-eng"), Labels.ZH, SHANGHAI)).isEqualTo("派单给 张伟");
        assertThat(named.line(new CaseEvent.Assigned("t-eng"), Labels.EN, SHANGHAI)).contains("张伟").doesNotContain("t-eng");
        assertThat(named.line(new CaseEvent.Reassigned("t-eng", "t-desk", null), Labels.ZH, SHANGHAI))
                .contains("张伟").contains("王芳").doesNotContain("t-");
        assertThat(named.line(new CaseEvent.TaskCompleted("dispatch", "assignEngineer", "Assign engineer",
                List.of(new CaseEvent.FieldValue("engineer", "t-eng"))), Labels.ZH, SHANGHAI)).isEqualTo("完成「派单」：工程师：张伟");
        assertThat(named.phoneText(samples().get("escalatedLate"), Labels.ZH, SHANGHAI)).contains("| 张伟 |");
        // a name no account has (typed by hand, or an account since deleted) is shown as it was given
        assertThat(named.line(new CaseEvent.Assigned("someone-gone"), Labels.ZH, SHANGHAI)).isEqualTo("派单给 someone-gone");
        // a free-text field that happens to hold a user name is not a person field: left as typed
        assertThat(named.line(new CaseEvent.TaskCompleted("dispatch", "diagnoseAndFix", "Diagnose and fix",
                List.of(new CaseEvent.FieldValue("cause", "t-eng"))), Labels.ZH, SHANGHAI)).endsWith("故障原因：t-eng");
    }

    @Test
    void aTaskTheLabelsDoNotKnowKeepsTheModelsNameAndAFieldTheyDoNotKnowIsLeftOut() {
        CaseEvent event = new CaseEvent.TaskCompleted("custom", "checkCabinet", "检查机柜",
                List.of(new CaseEvent.FieldValue("cabinetTemperature", "42"), new CaseEvent.FieldValue("cause", "风扇坏")));
        assertThat(texts.line(event, Labels.ZH, SHANGHAI)).isEqualTo("完成「检查机柜」：故障原因：风扇坏");
    }

    @Test
    void anEscalationSaysRungClockAndTimeInOneLanguage() {
        CaseEvent escalated = samples().get("escalated");
        assertThat(texts.phoneText(escalated, Labels.ZH, SHANGHAI))
                .isEqualTo("【第3档升级】" + NUMBER + " 3级 派单已超时 4小时50分 | 东门路口站 | 未派单 | 摄像机黑屏");
        assertThat(texts.phoneText(escalated, Labels.EN, SHANGHAI))
                .isEqualTo("[Escalation step 3] " + NUMBER + " Level 3 Dispatch overdue by 4h 50m | 东门路口站 | not dispatched | 摄像机黑屏");
        assertThat(texts.subject(escalated, Labels.ZH)).isEqualTo("【第3档升级】" + NUMBER + " 派单");
        assertThat(texts.subject(escalated, Labels.EN)).isEqualTo("[Escalation step 3] " + NUMBER + " Dispatch");
    }

    @Test
    void aLateRepeatedEscalationOfSeveralRungsSaysSo() {
        CaseEvent late = samples().get("escalatedLate");
        assertThat(texts.phoneText(late, Labels.ZH, SHANGHAI)).isEqualTo("【第1、2、3档升级 · 再次提醒】" + NUMBER
                + " A类 上报项目经理剩余 30分钟 | 迟发 1小时5分 | 东门路口站 | t-eng | 摄像机黑屏");
        assertThat(texts.phoneText(late, Labels.EN, SHANGHAI)).isEqualTo("[Escalation steps 1, 2, 3 · reminder] " + NUMBER
                + " Class A Report to the project manager due in 30m | sent late by 1h 5m | 东门路口站 | t-eng | 摄像机黑屏");
        assertThat(texts.subject(late, Labels.ZH)).endsWith("（迟发）");
        assertThat(texts.subject(late, Labels.EN)).endsWith("(sent late)");
    }

    @Test
    void aDeEscalationSaysHowTheClockEnded() {
        assertThat(texts.phoneText(samples().get("deEscalated"), Labels.ZH, SHANGHAI))
                .isEqualTo("【解除升级】" + NUMBER + " 响应按时完成，提前 5分钟 | 摄像机黑屏");
        assertThat(texts.phoneText(samples().get("deEscalated"), Labels.EN, SHANGHAI))
                .isEqualTo("[De-escalated] " + NUMBER + " Response met, 5m to spare | 摄像机黑屏");
        assertThat(texts.phoneText(samples().get("deEscalatedLate"), Labels.ZH, SHANGHAI))
                .isEqualTo("【解除升级】" + NUMBER + " 修复超时完成，超时 1小时15分 | 摄像机黑屏");
        assertThat(texts.subject(samples().get("deEscalated"), Labels.ZH)).isEqualTo(NUMBER + " 解除升级");
        assertThat(texts.subject(samples().get("deEscalated"), Labels.EN)).isEqualTo(NUMBER + " de-escalated");
    }

    @Test
    void anImportedHolidayYearSaysWhichDueTimesMovedFromWhenToWhen() {
        assertThat(texts.line(samples().get("holidayCalendarApplied"), Labels.ZH, SHANGHAI)).isEqualTo(
                "已导入 2027 年节假日，期限已按新日历重新计算：修复时限 2027-01-05 18:00 → 2027-01-06 18:00；故障报告时限 2027-01-06 18:00 → 2027-01-07 18:00");
        assertThat(texts.line(samples().get("holidayCalendarApplied"), Labels.EN, SHANGHAI)).isEqualTo(
                "The 2027 holiday calendar was imported and the deadlines recomputed: Resolution due 2027-01-05 18:00 → 2027-01-06 18:00; "
                        + "Fault report due 2027-01-06 18:00 → 2027-01-07 18:00");
        assertThat(texts.line(samples().get("holidayCalendarAppliedRungs"), Labels.ZH, SHANGHAI))
                .isEqualTo("已导入 2027 年节假日，升级提醒时间已按新日历重新计算");
    }

    @Test
    void aChangeNoticeSaysWindowScopeAndFallbackInTheContractsZoneWithOneFullStopAfterTypedText() {
        CaseEvent.ChangeAnnounced notice = new CaseEvent.ChangeAnnounced("CHG-000012", "核心交换机固件升级", "交警支队",
                Instant.parse("2027-03-03T14:00:00Z"), Instant.parse("2027-03-03T16:00:00Z"), "全部摄像机画面中断约 20 分钟。", "回刷旧固件", false);
        assertThat(texts.line(notice, Labels.ZH, SHANGHAI)).isEqualTo("变更通知 CHG-000012：维保方计划于 2027-03-03 22:00 至 2027-03-04 00:00"
                + " 在交警支队的系统上进行变更“核心交换机固件升级”。影响范围：全部摄像机画面中断约 20 分钟。如变更失败将按回退方案恢复：回刷旧固件");
    }

    @Test
    void timesAreInTheGivenZoneToTheMinute() {
        CaseEvent created = samples().get("createdLater");
        assertThat(texts.line(created, Labels.ZH, SHANGHAI)).contains("2026-12-03 08:15").doesNotContain("08:15:00");
        assertThat(texts.line(created, Labels.EN, ZoneId.of("UTC"))).contains("2026-12-03 00:15");
    }

    @Test
    void levelsAndRungsDoNotReadAlike() {
        assertThat(texts.line(samples().get("levelChanged"), Labels.ZH, SHANGHAI)).startsWith("级别由3级调整为2级");
        assertThat(texts.line(samples().get("levelChanged"), Labels.EN, SHANGHAI)).startsWith("Level changed from Level 3 to Level 2");
        assertThat(texts.line(samples().get("escalated"), Labels.ZH, SHANGHAI)).startsWith("【第3档升级】");
    }

    @Test
    void theLanguageChecksCatchWhatTheOldTextsSaid() {
        assertThatThrownBy(() -> TimelineLanguageAssertions.assertChinese("【HEAD】AC-1 L3 派单 dispatch 已超时 overdue by 4h 50m", List.of()))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> TimelineLanguageAssertions.assertChinese("完成「一线处理」：solvedAtDesk: false", List.of()))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> TimelineLanguageAssertions.assertEnglish("Completed: Outcome: FIXED", List.of()))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> TimelineLanguageAssertions.assertEnglish("[De-escalated] 解除升级", List.of()))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void everyEventSurvivesStorageUnchanged() {
        samples().forEach((name, event) -> assertThat(
                CaseEventCodec.read(CaseEventCodec.kind(event), CaseEventCodec.params(event))).as(name).isEqualTo(event));
    }
}
