package com.aftercare.servicereport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.aftercare.inspection.ReadInspectionMonth;
import com.aftercare.labels.Labels;
import com.aftercare.securityincident.SecurityIncidentsOfPeriod;
import com.aftercare.ticket.ReportedCases.ReportedCase;

/**
 * The figures and lists of each report kind, computed from the case history alone (no KPI feature needed). Every
 * definition is written in README ("Reports on schedule"): a case counts in a period by when it was received,
 * closed, or whether it was still open at the period's end, all in the contract's zone.
 */
@Component
class ReportContents {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * Everything a report is made from. devices: the customer's devices (for the quarterly device report); security: the
     * unit's security incidents that occurred in the period (quarterly and annual summaries).
     */
    record Input(Locale lang, String customerName, ZoneId zone, ServicePeriod period, String policyCode, String majorLevel,
            List<ReportedCase> cases, List<DeviceRow> devices, ReportedCase major, Instant now,
            List<ReadInspectionMonth.Row> inspections, List<SecurityIncidentsOfPeriod.Row> security) {

        Instant from() {
            return period.start().atStartOfDay(zone).toInstant();
        }

        Instant to() {
            return period.endExclusive().atStartOfDay(zone).toInstant();
        }
    }

    record DeviceRow(long id, String name, String type, String site) {
    }

    /** The document and how many cases (or devices with faults) it lists. */
    record Made(ReportDocument document, int cases) {
    }

    private final Labels labels;

    ReportContents(Labels labels) {
        this.labels = labels;
    }

    Made make(Input in) {
        return switch (in.period().kind()) {
            case DAILY_LOG -> daily(in);
            case MONTHLY_FAULTS -> monthly(in);
            case MAJOR_FAULT -> major(in);
            case QUARTERLY_DEVICES -> devices(in);
            case QUARTERLY_OM, ANNUAL -> summary(in);
            case INSPECTION_MONTHLY -> inspections(in);
        };
    }

    // ---- the kinds

    private Made daily(Input in) {
        List<ReportedCase> active = in.cases();
        List<ReportDocument.Fact> facts = base(in);
        facts.add(fact(in, "received", count(active, c -> received(in, c))));
        facts.add(fact(in, "closed", count(active, c -> closed(in, c))));
        facts.add(fact(in, "openAtEnd", count(active, c -> openAtEnd(in, c))));
        List<List<String>> rows = active.stream().map(c -> List.of(c.number(), time(in, c.receivedAt()), nz(c.siteName()),
                nz(c.deviceName()), nz(c.title()), level(in, c), status(in, c), nz(c.assignee()), nz(c.solution()))).toList();
        ReportDocument.Table cases = table(in, "cases", List.of("number", "receivedAt", "site", "device", "title", "level", "status",
                "assignee", "solution"), List.of(1.3f, 1.1f, 1f, 1f, 1.5f, 0.6f, 0.8f, 0.7f, 1.5f), rows);
        return new Made(doc(in, facts, List.of(cases)), rows.size());
    }

    private Made monthly(Input in) {
        List<ReportedCase> faults = in.cases().stream().filter(ReportContents::isFault).toList();
        List<ReportedCase> received = faults.stream().filter(c -> received(in, c)).toList();
        List<ReportDocument.Fact> facts = base(in);
        facts.add(fact(in, "faults", received.size()));
        facts.add(fact(in, "faultsClosed", count(faults, c -> closed(in, c))));
        facts.add(fact(in, "openAtEnd", count(faults, c -> openAtEnd(in, c))));
        facts.add(fact(in, "responseLate", count(received, c -> responseLate(in, c))));
        facts.add(fact(in, "resolutionLate", count(received, c -> resolutionLate(in, c))));
        facts.add(fact(in, "major", count(received, c -> isMajor(in, c))));
        facts.add(new ReportDocument.Fact(t(in, "fact.majorLevel"), majorLevelText(in)));
        Map<String, Long> byLevel = new TreeMap<>();
        received.forEach(c -> byLevel.merge(level(in, c), 1L, Long::sum));
        Map<String, Long> byType = new TreeMap<>();
        received.forEach(c -> byType.merge(deviceType(in, c.deviceType()), 1L, Long::sum));
        List<List<String>> rows = received.stream().map(c -> List.of(c.number(), time(in, c.receivedAt()), nz(c.siteName()),
                nz(c.deviceName()), level(in, c), nz(c.title()), status(in, c), time(in, c.closedAt()), nz(c.cause()))).toList();
        List<ReportDocument.Table> tables = List.of(
                table(in, "byLevel", List.of("level", "count"), List.of(), counted(byLevel)),
                table(in, "byDeviceType", List.of("deviceType", "count"), List.of(), counted(byType)),
                table(in, "cases", List.of("number", "receivedAt", "site", "device", "level", "title", "status", "closedAt", "cause"),
                        List.of(1.3f, 1.1f, 1f, 1f, 0.6f, 1.5f, 0.8f, 1.1f, 1.3f), rows));
        return new Made(doc(in, facts, tables), rows.size());
    }

    private Made major(Input in) {
        ReportedCase c = in.major();
        List<ReportDocument.Fact> facts = base(in);
        facts.add(col(in, "number", c.number()));
        facts.add(col(in, "level", level(in, c)));
        facts.add(col(in, "site", nz(c.siteName())));
        facts.add(col(in, "device", nz(c.deviceName())));
        facts.add(col(in, "receivedAt", time(in, c.receivedAt())));
        facts.add(col(in, "respondedAt", time(in, c.respondedAt())));
        facts.add(col(in, "resolvedAt", time(in, c.resolvedAt())));
        facts.add(col(in, "closedAt", time(in, c.closedAt())));
        // from received to resolved; a case closed without a recorded resolution (e.g. closed by the desk) to its closing
        Instant ended = c.resolvedAt() != null ? c.resolvedAt() : c.closedAt();
        facts.add(new ReportDocument.Fact(t(in, "fact.duration"), ended == null || c.receivedAt() == null ? na(in)
                : labels.duration(in.lang(), Duration.between(c.receivedAt(), ended))));
        facts.add(col(in, "assignee", nz(c.assignee())));
        List<List<String>> detail = List.of(List.of(t(in, "column.title"), nz(c.title())), List.of(t(in, "column.cause"), nz(c.cause())),
                List.of(t(in, "column.solution"), nz(c.solution())));
        ReportDocument.Table handled = new ReportDocument.Table(t(in, "section.detail"), t(in, "section.detail"),
                List.of(t(in, "column.type"), t(in, "section.detail")), List.of(1f, 4f), detail);
        String title = labels.text(in.lang(), "serviceReport.majorTitle",
                Map.of("customer", in.customerName(), "kind", kindName(in), "number", c.number()));
        return new Made(new ReportDocument(title, header(in), headerRight(in), printed(in), facts, List.of(handled)), 1);
    }

    private Made devices(Input in) {
        List<ReportedCase> faults = in.cases().stream().filter(ReportContents::isFault).filter(c -> received(in, c)).toList();
        Map<Long, Long> perDevice = new HashMap<>();
        faults.stream().filter(c -> c.deviceId() != null).forEach(c -> perDevice.merge(c.deviceId(), 1L, Long::sum));
        Set<Long> openAtEnd = in.cases().stream().filter(ReportContents::isFault).filter(c -> openAtEnd(in, c))
                .map(ReportedCase::deviceId).filter(Objects::nonNull).collect(Collectors.toSet());
        List<DeviceRow> devices = in.devices();
        Map<String, long[]> byType = new TreeMap<>();
        List<List<String>> failed = new ArrayList<>();
        int good = 0;
        for (DeviceRow d : devices) {
            long n = perDevice.getOrDefault(d.id(), 0L);
            long[] row = byType.computeIfAbsent(deviceType(in, d.type()), k -> new long[3]);
            row[0]++;
            row[1] += n;
            if (n > 0) {
                row[2]++;
                failed.add(List.of(d.name(), deviceType(in, d.type()), d.site(), String.valueOf(n)));
            }
            if (!openAtEnd.contains(d.id())) {
                good++;
            }
        }
        failed.sort(Comparator.comparing((List<String> r) -> -Long.parseLong(r.get(3))).thenComparing(r -> r.get(0)));
        List<ReportDocument.Fact> facts = base(in);
        facts.add(fact(in, "devices", devices.size()));
        facts.add(fact(in, "devicesFailed", failed.size()));
        facts.add(fact(in, "deviceFaults", faults.size()));
        facts.add(new ReportDocument.Fact(t(in, "fact.goodOrder"), percent(in, good, devices.size())));
        List<List<String>> typeRows = byType.entrySet().stream().map(e -> List.of(e.getKey(), String.valueOf(e.getValue()[0]),
                String.valueOf(e.getValue()[1]), String.valueOf(e.getValue()[2]))).toList();
        ReportDocument.Table types = new ReportDocument.Table(t(in, "section.byDeviceType"), t(in, "section.byDeviceType"),
                List.of(t(in, "column.deviceType"), t(in, "fact.devices"), t(in, "column.faults"), t(in, "fact.devicesFailed")),
                List.of(), typeRows);
        ReportDocument.Table list = table(in, "devices", List.of("device", "deviceType", "site", "faults"), List.of(2f, 1f, 2f, 0.7f),
                failed);
        return new Made(doc(in, facts, List.of(types, list)), failed.size());
    }

    private Made summary(Input in) {
        List<ReportedCase> received = in.cases().stream().filter(c -> received(in, c)).toList();
        List<ReportedCase> closed = in.cases().stream().filter(c -> closed(in, c)).toList();
        List<ReportDocument.Fact> facts = base(in);
        facts.add(fact(in, "received", received.size()));
        facts.add(fact(in, "closed", closed.size()));
        facts.add(fact(in, "openAtEnd", count(in.cases(), c -> openAtEnd(in, c))));
        List<ReportedCase> withResponseDue = received.stream().filter(c -> c.responseDue() != null).toList();
        facts.add(new ReportDocument.Fact(t(in, "fact.responseOnTime"),
                percent(in, count(withResponseDue, c -> !responseLate(in, c)), withResponseDue.size())));
        List<ReportedCase> withResolutionDue = received.stream().filter(c -> c.resolutionDue() != null).toList();
        facts.add(new ReportDocument.Fact(t(in, "fact.resolutionOnTime"),
                percent(in, count(withResolutionDue, c -> !resolutionLate(in, c)), withResolutionDue.size())));
        List<Integer> scores = closed.stream().map(ReportedCase::satisfaction).filter(Objects::nonNull).toList();
        facts.add(new ReportDocument.Fact(t(in, "fact.satisfaction"), scores.isEmpty() ? na(in)
                : BigDecimal.valueOf(scores.stream().mapToInt(Integer::intValue).sum())
                        .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP).toPlainString()));
        facts.add(fact(in, "major", count(received, c -> isFault(c) && isMajor(in, c))));
        Map<String, long[]> byType = new LinkedHashMap<>();
        for (String type : List.of("FAULT", "CONSULTATION", "COMPLAINT", "SERVICE_REQUEST")) {
            byType.put(type, new long[2]);
        }
        received.forEach(c -> byType.computeIfAbsent(type(c), k -> new long[2])[0]++);
        closed.forEach(c -> byType.computeIfAbsent(type(c), k -> new long[2])[1]++);
        List<List<String>> typeRows = byType.entrySet().stream().map(e -> List.of(labels.label(in.lang(), "requestType", e.getKey()),
                String.valueOf(e.getValue()[0]), String.valueOf(e.getValue()[1]))).toList();
        List<List<String>> monthRows = new ArrayList<>();
        for (YearMonth m = YearMonth.from(in.period().start()); m.isBefore(YearMonth.from(in.period().endExclusive())); m = m.plusMonths(1)) {
            YearMonth month = m;
            monthRows.add(List.of(labels.text(in.lang(), "serviceReport.periodMonth", Map.of("year", m.getYear(), "month",
                    m.getMonthValue())), String.valueOf(count(received, c -> inMonth(in, c.receivedAt(), month))),
                    String.valueOf(count(closed, c -> inMonth(in, c.closedAt(), month)))));
        }
        // seed 003 (系统运行的主要统计项目): 发生安全事件的次数、类型和影响 — how many, and each with its kind and impact
        facts.add(fact(in, "securityIncidents", in.security().size()));
        List<List<String>> securityRows = in.security().stream().map(s -> List.of(s.number(), time(in, s.occurredAt()),
                labels.label(in.lang(), "securityKind", s.kind()), labels.label(in.lang(), "securityImpact", s.impact()),
                labels.label(in.lang(), "securityStatus", s.status()), s.title())).toList();
        List<ReportDocument.Table> tables = List.of(
                table(in, "byType", List.of("requestType", "received", "closed"), List.of(), typeRows),
                table(in, "byMonth", List.of("month", "received", "closed"), List.of(), monthRows),
                table(in, "security", List.of("incidentNumber", "occurredAt", "securityKind", "securityImpact", "status",
                        "incident"), List.of(1.1f, 1.1f, 1f, 0.6f, 0.7f, 2f), securityRows));
        return new Made(doc(in, facts, tables), received.size());
    }

    /**
     * 巡检月报: the inspections due in the month (README "Reports on schedule"): per kind how many were due, done by their
     * due time, done late (after it, before the month's end) and not done at the month's end; the checklist lines
     * checked and failed, the fault cases opened from failed lines, and the device records confirmed or corrected.
     */
    private Made inspections(Input in) {
        List<ReadInspectionMonth.Row> rows = in.inspections();
        Instant end = in.to();
        List<ReportDocument.Fact> facts = base(in);
        facts.add(fact(in, "inspectionsDue", rows.size()));
        facts.add(fact(in, "inspectionsOnTime", (int) rows.stream().filter(ReadInspectionMonth.Row::onTime).count()));
        facts.add(fact(in, "inspectionsLate", (int) rows.stream().filter(r -> r.late(end)).count()));
        facts.add(fact(in, "inspectionsOpen", (int) rows.stream().filter(r -> r.openAt(end)).count()));
        facts.add(new ReportDocument.Fact(t(in, "fact.inspectionsDoneRate"),
                percent(in, (int) rows.stream().filter(ReadInspectionMonth.Row::onTime).count(), rows.size())));
        facts.add(fact(in, "itemsChecked", rows.stream().mapToInt(ReadInspectionMonth.Row::checked).sum()));
        facts.add(fact(in, "itemsFailed", rows.stream().mapToInt(ReadInspectionMonth.Row::failed).sum()));
        facts.add(fact(in, "inspectionFaults", rows.stream().mapToInt(r -> r.faultNumbers().size()).sum()));
        facts.add(fact(in, "assetsConfirmed", rows.stream().mapToInt(ReadInspectionMonth.Row::assetsConfirmed).sum()));
        facts.add(fact(in, "assetsCorrected", rows.stream().mapToInt(ReadInspectionMonth.Row::assetsCorrected).sum()));
        Map<com.aftercare.inspection.InspectionKind, int[]> byKind = new TreeMap<>();
        for (ReadInspectionMonth.Row r : rows) {
            int[] n = byKind.computeIfAbsent(r.kind(), k -> new int[7]);
            n[0]++;
            n[1] += r.onTime() ? 1 : 0;
            n[2] += r.late(end) ? 1 : 0;
            n[3] += r.openAt(end) ? 1 : 0;
            n[4] += r.checked();
            n[5] += r.failed();
            n[6] += r.faultNumbers().size();
        }
        List<List<String>> kindRows = byKind.entrySet().stream().map(e -> {
            List<String> row = new ArrayList<>();
            row.add(labels.label(in.lang(), "inspection.kind", e.getKey()));
            for (int v : e.getValue()) {
                row.add(String.valueOf(v));
            }
            return row;
        }).toList();
        ReportDocument.Table kinds = table(in, "byInspectionKind", List.of("inspectionKind", "due", "onTime", "late", "notDone",
                "itemsChecked", "itemsFailed", "inspectionFaults"), List.of(), kindRows);
        List<List<String>> list = rows.stream().map(r -> List.of(labels.label(in.lang(), "inspection.kind", r.kind()),
                r.site() == null ? t(in, "allSites") : r.site(), r.windowStart().toString(), time(in, r.dueAt()),
                time(in, r.completedAt()), inspectionState(in, r, end), r.checked() + "/" + r.items(), String.valueOf(r.failed()),
                String.join(" ", r.faultNumbers()), r.assetsConfirmed() + "/" + r.assetsCorrected())).toList();
        ReportDocument.Table inspections = table(in, "inspections", List.of("inspectionKind", "site", "windowStart", "dueAt",
                "completedAt", "status", "itemsChecked", "itemsFailed", "inspectionFaults", "assetChecks"),
                List.of(1.2f, 1.3f, 0.9f, 1.1f, 1.1f, 0.9f, 0.7f, 0.6f, 1.4f, 0.8f), list);
        return new Made(doc(in, facts, List.of(kinds, inspections)), rows.size());
    }

    /** 按时完成 / 逾期完成 / 逾期未完成, as of the month's end. */
    private String inspectionState(Input in, ReadInspectionMonth.Row r, Instant end) {
        String key = r.onTime() ? "onTime" : r.late(end) ? "late" : "notDone";
        return t(in, "column." + key);
    }

    // ---- definitions (README: "Reports on schedule")

    /** Received in the period. */
    static boolean received(Input in, ReportedCase c) {
        return within(c.receivedAt(), in.from(), in.to());
    }

    /** Closed in the period. */
    static boolean closed(Input in, ReportedCase c) {
        return within(c.closedAt(), in.from(), in.to());
    }

    /** Received before the period's end and not closed by then. */
    static boolean openAtEnd(Input in, ReportedCase c) {
        return c.receivedAt() != null && c.receivedAt().isBefore(in.to()) && (c.closedAt() == null || !c.closedAt().isBefore(in.to()));
    }

    /** Responded after its response due time, or not responded by the period's end while due before it. */
    static boolean responseLate(Input in, ReportedCase c) {
        return late(c.responseDue(), c.respondedAt(), in.to());
    }

    static boolean resolutionLate(Input in, ReportedCase c) {
        return late(c.resolutionDue(), c.resolvedAt(), in.to());
    }

    static boolean isFault(ReportedCase c) {
        return c.requestType() == null || "FAULT".equals(c.requestType());
    }

    boolean isMajor(Input in, ReportedCase c) {
        return MajorLevels.isMajor(in.policyCode(), in.majorLevel(), c.level());
    }

    private static boolean late(Instant due, Instant done, Instant end) {
        if (due == null) {
            return false;
        }
        return done == null ? due.isBefore(end) : done.isAfter(due);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && t.isBefore(to);
    }

    private static boolean inMonth(Input in, Instant t, YearMonth m) {
        return t != null && YearMonth.from(t.atZone(in.zone())).equals(m);
    }

    private static String type(ReportedCase c) {
        return c.requestType() == null ? "FAULT" : c.requestType();
    }

    private static int count(List<ReportedCase> cases, java.util.function.Predicate<ReportedCase> p) {
        return (int) cases.stream().filter(p).count();
    }

    // ---- wording

    private ReportDocument doc(Input in, List<ReportDocument.Fact> facts, List<ReportDocument.Table> tables) {
        String title = labels.text(in.lang(), "serviceReport.title",
                Map.of("customer", in.customerName(), "period", periodText(in.lang(), in.period()), "kind", kindName(in)));
        return new ReportDocument(title, header(in), headerRight(in), printed(in), facts, tables);
    }

    private List<ReportDocument.Fact> base(Input in) {
        List<ReportDocument.Fact> facts = new ArrayList<>();
        facts.add(new ReportDocument.Fact(t(in, "fact.customer"), in.customerName()));
        facts.add(new ReportDocument.Fact(t(in, "fact.period"), periodText(in.lang(), in.period())));
        return facts;
    }

    private String header(Input in) {
        return labels.text(in.lang(), "serviceReport.headerLeft", Map.of("zone", in.zone().getId()));
    }

    private String headerRight(Input in) {
        return labels.text(in.lang(), "serviceReport.headerRight", Map.of("period", in.period().code()));
    }

    private String printed(Input in) {
        return labels.text(in.lang(), "serviceReport.printedAt", Map.of("time", MINUTE.format(in.now().atZone(in.zone()))));
    }

    String kindName(Input in) {
        return labels.label(in.lang(), "serviceReport.kind", in.period().kind());
    }

    String periodText(Locale lang, ServicePeriod p) {
        LocalDate s = p.start();
        return switch (p.kind()) {
            case DAILY_LOG, MAJOR_FAULT -> labels.text(lang, "serviceReport.periodDay",
                    Map.of("year", s.getYear(), "month", s.getMonthValue(), "day", s.getDayOfMonth()));
            case MONTHLY_FAULTS, INSPECTION_MONTHLY -> labels.text(lang, "serviceReport.periodMonth", Map.of("year", s.getYear(), "month", s.getMonthValue()));
            case QUARTERLY_DEVICES, QUARTERLY_OM -> labels.text(lang, "serviceReport.periodQuarter",
                    Map.of("year", s.getYear(), "quarter", p.quarterNumber()));
            case ANNUAL -> labels.text(lang, "serviceReport.periodYear", Map.of("year", s.getYear()));
        };
    }

    private String majorLevelText(Input in) {
        return in.majorLevel() == null ? na(in) : labels.faultLevel(in.lang(), in.policyCode(), in.majorLevel());
    }

    private ReportDocument.Table table(Input in, String section, List<String> columns, List<Float> weights, List<List<String>> rows) {
        return new ReportDocument.Table(t(in, "section." + section), t(in, "section." + section),
                columns.stream().map(c -> t(in, "column." + c)).toList(), weights, rows);
    }

    private static List<List<String>> counted(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    private ReportDocument.Fact fact(Input in, String key, int value) {
        return new ReportDocument.Fact(t(in, "fact." + key), String.valueOf(value));
    }

    private ReportDocument.Fact col(Input in, String key, String value) {
        return new ReportDocument.Fact(t(in, "column." + key), value);
    }

    private String level(Input in, ReportedCase c) {
        return c.level() == null ? t(in, "noLevel") : labels.faultLevel(in.lang(), in.policyCode(), c.level());
    }

    private String status(Input in, ReportedCase c) {
        return c.status() == null ? "" : labels.label(in.lang(), "status", c.status());
    }

    private String deviceType(Input in, String type) {
        return labels.find(in.lang(), "serviceReport.deviceType", type == null ? "OTHER" : type)
                .orElseGet(() -> t(in, "deviceType.OTHER"));
    }

    private String percent(Input in, int part, int whole) {
        if (whole == 0) {
            return na(in);
        }
        String value = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString();
        return labels.text(in.lang(), "serviceReport.percent", Map.of("value", value));
    }

    private String na(Input in) {
        return t(in, "notApplicable");
    }

    private static String time(Input in, Instant t) {
        return t == null ? "" : MINUTE.format(t.atZone(in.zone()));
    }

    private String t(Input in, String key) {
        return labels.text(in.lang(), "serviceReport." + key);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
