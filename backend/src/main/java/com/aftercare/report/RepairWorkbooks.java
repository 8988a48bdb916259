package com.aftercare.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

import com.aftercare.labels.Labels;
import com.aftercare.repair.RepairRecord;
import com.aftercare.warranty.CaseCost;

/**
 * Writes the two repair reports as Excel files, wholly in one language: headers, outcomes, free reasons and yes/no
 * are labels (labels/*.json, group repairReport), never codes. Dates are digits (yyyy-MM-dd), the same in both.
 */
@Component
class RepairWorkbooks {

    /** The monthly summary's figures (RR-7), as its first sheet shows them in this order. */
    record Summary(int sent, int returned, int stillAway, int late, int unrepairable, int loaners) {
    }

    private final Labels labels;

    RepairWorkbooks(Labels labels) {
        this.labels = labels;
    }

    byte[] monthly(Locale lang, String customerName, ReportPeriod period, Summary summary, List<RepairRecord> rows) {
        return write(workbook -> {
            Worksheet totals = workbook.newWorksheet(t(lang, "sheetSummary"));
            totals.value(0, 0, t(lang, "titleMonthly", Map.of("customer", customerName, "period", periodLabel(lang, period))));
            totals.style(0, 0).bold().set();
            String[] names = {"sent", "returned", "stillAway", "late", "unrepairable", "loaners"};
            int[] values = {summary.sent(), summary.returned(), summary.stillAway(), summary.late(), summary.unrepairable(),
                    summary.loaners()};
            for (int i = 0; i < names.length; i++) {
                totals.value(i + 1, 0, t(lang, "count." + names[i]));
                totals.value(i + 1, 1, values[i]);
            }
            Worksheet list = workbook.newWorksheet(t(lang, "sheetRepairs"));
            header(list, lang, "ticket", "slip", "site", "device", "model", "serial", "fault", "vendor", "sentOn",
                    "expectedOn", "returnedOn", "outcome", "lateReturn", "loaner");
            int r = 1;
            for (RepairRecord rec : rows) {
                common(list, r, rec);
                list.value(r, 8, date(rec.sentOn()));
                list.value(r, 9, date(rec.expectedReturnOn()));
                list.value(r, 10, date(rec.returnedOn()));
                list.value(r, 11, outcome(lang, rec.outcome()));
                list.value(r, 12, yesNo(lang, isLate(rec, period.endExclusive())));
                list.value(r, 13, yesNo(lang, rec.loanerInstalled()));
                r++;
            }
        });
    }

    byte[] quarterly(Locale lang, String customerName, ReportPeriod period, List<RepairRecord> rows, Map<Long, CaseCost> costs) {
        return write(workbook -> {
            Worksheet list = workbook.newWorksheet(t(lang, "sheetCosts"));
            list.value(0, 0, t(lang, "titleQuarterly", Map.of("customer", customerName, "period", periodLabel(lang, period))));
            list.style(0, 0).bold().set();
            List<String> columns = List.of("ticket", "slip", "site", "device", "model", "serial", "fault", "vendor", "sentOn",
                    "returnedOn", "outcome", "parts", "labour", "total", "freeReason");
            for (int c = 0; c < columns.size(); c++) {
                list.value(1, c, t(lang, "column." + columns.get(c)));
                list.style(1, c).bold().set();
            }
            BigDecimal parts = BigDecimal.ZERO.setScale(2);
            BigDecimal labour = BigDecimal.ZERO.setScale(2);
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            Set<Long> costed = new HashSet<>();
            int r = 2;
            for (RepairRecord rec : rows) {
                common(list, r, rec);
                list.value(r, 8, date(rec.sentOn()));
                list.value(r, 9, date(rec.returnedOn()));
                list.value(r, 10, outcome(lang, rec.outcome()));
                CaseCost cost = costs.get(rec.ticketId());
                // a case's cost is the case's, whatever number of slips it had: shown and counted on its first slip only
                if (cost != null && costed.add(rec.ticketId())) {
                    list.value(r, 11, cost.parts());
                    list.value(r, 12, cost.labour());
                    list.value(r, 13, cost.total());
                    list.value(r, 14, freeReason(lang, cost));
                    parts = parts.add(cost.parts());
                    labour = labour.add(cost.labour());
                    total = total.add(cost.total());
                }
                r++;
            }
            list.value(r, 0, t(lang, "column.totals"));
            list.style(r, 0).bold().set();
            list.value(r, 11, parts);
            list.value(r, 12, labour);
            list.value(r, 13, total);
        });
    }

    /** Still away after its expected return at the period's end, or came back after it. */
    static boolean isLate(RepairRecord rec, LocalDate periodEnd) {
        if (rec.expectedReturnOn() == null) {
            return false;
        }
        LocalDate back = rec.returnedOn();
        if (back != null && back.isBefore(periodEnd)) {
            return back.isAfter(rec.expectedReturnOn());
        }
        // still away when the period ended: late once its expected day lies inside the period
        return rec.expectedReturnOn().isBefore(periodEnd);
    }

    String periodLabel(Locale lang, ReportPeriod period) {
        return period.kind() == ReportKind.MONTHLY
                ? t(lang, "periodMonth", Map.of("year", period.start().getYear(), "month", period.start().getMonthValue()))
                : t(lang, "periodQuarter", Map.of("year", period.start().getYear(), "quarter", period.quarterNumber()));
    }

    String fileName(Locale lang, String customerName, ReportPeriod period) {
        String key = period.kind() == ReportKind.MONTHLY ? "fileMonthly" : "fileQuarterly";
        String safe = customerName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return t(lang, key, Map.of("customer", safe, "period", period.code())) + ".xlsx";
    }

    private void common(Worksheet sheet, int r, RepairRecord rec) {
        sheet.value(r, 0, rec.ticketNumber());
        sheet.value(r, 1, rec.slipNumber());
        sheet.value(r, 2, rec.siteName());
        sheet.value(r, 3, rec.deviceName());
        sheet.value(r, 4, rec.deviceModel());
        sheet.value(r, 5, rec.deviceSerial());
        sheet.value(r, 6, rec.fault());
        sheet.value(r, 7, rec.vendorName());
    }

    private void header(Worksheet sheet, Locale lang, String... columns) {
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, t(lang, "column." + columns[c]));
            sheet.style(0, c).bold().set();
        }
    }

    private String outcome(Locale lang, String code) {
        return labels.find(lang, "repairReport.outcome", code).orElse("");
    }

    private String freeReason(Locale lang, CaseCost cost) {
        if (!cost.freeOfCharge()) {
            return t(lang, "charged");
        }
        return labels.find(lang, "repairReport.freeReason", cost.freeReason()).orElseGet(() -> t(lang, "free"));
    }

    private String yesNo(Locale lang, boolean yes) {
        return t(lang, yes ? "yes" : "no");
    }

    private String t(Locale lang, String key) {
        return labels.text(lang, "repairReport." + key);
    }

    private String t(Locale lang, String key, Map<String, ?> args) {
        return labels.text(lang, "repairReport." + key, args);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private interface Sheets {
        void fill(Workbook workbook) throws IOException;
    }

    private static byte[] write(Sheets sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Aftercare", "1.0");
            sheets.fill(workbook);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
