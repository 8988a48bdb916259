package com.aftercare.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

import com.aftercare.labels.Labels;
import com.aftercare.ticket.TicketSummaries;
import com.aftercare.ticket.TicketSummary;

/**
 * A month's KPIs as an Excel file wholly in the reader's language (labels/*.json, groups kpi, kpiName, kpiUnit):
 * the summary with each figure's numerator, denominator, rate and definition, the incidents by category and level,
 * then one sheet per figure listing the cases behind it (and whether each counts in the numerator).
 */
@Component
class KpiWorkbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Labels labels;
    private final TicketSummaries summaries;
    private final Clock clock;

    KpiWorkbook(Labels labels, TicketSummaries summaries, Clock clock) {
        this.labels = labels;
        this.summaries = summaries;
        this.clock = clock;
    }

    String fileName(Locale lang, ComputeKpis.Month month) {
        return labels.text(lang, "kpi.file", Map.of("customer", customer(lang, month), "period", period(lang, month.figures())));
    }

    void write(Locale lang, ComputeKpis.Month month, OutputStream out) {
        KpiMonth m = month.figures();
        try {
            Workbook wb = new Workbook(out, "Aftercare", "1.0");
            Worksheet sum = wb.newWorksheet(t(lang, "sheetSummary"));
            sum.value(0, 0, labels.text(lang, "kpi.title", Map.of("customer", customer(lang, month), "period", period(lang, m))));
            sum.style(0, 0).bold().set();
            header(sum, 1, lang, "kpi", "numerator", "denominator", "rate", "unit", "definition");
            int r = 2;
            for (KpiMonth.Figure f : m.figures()) {
                sum.value(r, 0, labels.label(lang, "kpiName", f.kpi()));
                sum.value(r, 1, f.numerator());
                sum.value(r, 2, f.denominator());
                if (f.rate() == null) {
                    sum.value(r, 3, t(lang, "noData"));
                } else {
                    sum.value(r, 3, f.rate());
                    sum.style(r, 3).format("0.00%").set();
                }
                sum.value(r, 4, labels.label(lang, "kpiUnit", f.unit()));
                sum.value(r, 5, t(lang, "definition." + f.kpi().name()));
                r++;
            }
            sum.width(0, 18);
            sum.width(5, 60);

            Worksheet inc = wb.newWorksheet(t(lang, "sheetIncidents"));
            header(inc, 0, lang, "group", "category", "count");
            r = 1;
            for (KpiMonth.Count c : m.incidents().byCategory()) {
                inc.value(r, 0, t(lang, "byCategory"));
                inc.value(r, 1, category(lang, c.code()));
                inc.value(r++, 2, c.count());
            }
            for (KpiMonth.Count c : m.incidents().byLevel()) {
                inc.value(r, 0, t(lang, "byLevel"));
                inc.value(r, 1, level(lang, c.code()));
                inc.value(r++, 2, c.count());
            }

            for (KpiMonth.Figure f : m.figures()) {
                KpiMonth.Drill drill = m.drills().get(f.kpi());
                boolean cases = f.unit() == KpiName.Unit.CASES;
                Worksheet ws = wb.newWorksheet(labels.label(lang, "kpiName", f.kpi()));
                header(ws, 0, lang, "ticket", "title", "site", "device", "category", "level", "received", "resolved", "closed",
                        cases ? "inNumerator" : "against");
                Set<Long> good = new HashSet<>(drill.numerator());
                r = 1;
                for (TicketSummary s : summaries.byIds(cases ? drill.denominator() : drill.against())) {
                    row(ws, r, lang, s);
                    ws.value(r++, 9, t(lang, cases ? (good.contains(s.id()) ? "yes" : "no") : "yes"));
                }
            }
            Worksheet list = wb.newWorksheet(t(lang, "sheetIncidentCases"));
            header(list, 0, lang, "ticket", "title", "site", "device", "category", "level", "received", "resolved", "closed");
            r = 1;
            for (TicketSummary s : summaries.byIds(m.incidents().cases().stream().map(KpiMonth.Incident::id).toList())) {
                row(list, r++, lang, s);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(Worksheet ws, int r, Locale lang, TicketSummary s) {
        ws.value(r, 0, s.number());
        ws.value(r, 1, s.title());
        ws.value(r, 2, s.siteName());
        ws.value(r, 3, s.deviceName() == null ? "" : s.deviceName());
        ws.value(r, 4, category(lang, s.category() == null ? KpiCalculator.NONE : s.category().name()));
        ws.value(r, 5, level(lang, s.level() == null ? KpiCalculator.NONE : s.level()));
        ws.value(r, 6, time(s.receivedAt()));
        ws.value(r, 7, time(s.resolvedAt()));
        ws.value(r, 8, time(s.closedAt()));
    }

    private void header(Worksheet ws, int row, Locale lang, String... columns) {
        for (int c = 0; c < columns.length; c++) {
            ws.value(row, c, t(lang, "column." + columns[c]));
            ws.style(row, c).bold().set();
        }
    }

    private String category(Locale lang, String code) {
        return KpiCalculator.NONE.equals(code) ? t(lang, "none") : labels.label(lang, "category", code);
    }

    private String level(Locale lang, String code) {
        return KpiCalculator.NONE.equals(code) ? labels.faultLevel(lang, null, null) : labels.faultLevel(lang, null, code);
    }

    private String customer(Locale lang, ComputeKpis.Month month) {
        return month.customerName() == null ? t(lang, "allCustomers") : month.customerName();
    }

    private String period(Locale lang, KpiMonth m) {
        return labels.text(lang, "kpi.period", Map.of("year", m.month().getYear(), "month", m.month().getMonthValue()));
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(clock.getZone()));
    }

    private String t(Locale lang, String key) {
        return labels.text(lang, "kpi." + key);
    }

}
