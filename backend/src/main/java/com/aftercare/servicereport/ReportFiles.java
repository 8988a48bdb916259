package com.aftercare.servicereport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

import com.aftercare.labels.Labels;
import com.aftercare.print.Sheet;
import com.aftercare.print.SheetPdf;

/**
 * Writes a {@link ReportDocument} as an Excel workbook (fastexcel, as the repair reports) and as an A4 PDF
 * ({@link SheetPdf}: PDFBox with the embedded WenQuanYi font, so Chinese renders and can be extracted). The first
 * sheet is the overview, then one sheet per list; whole numbers are written as numbers so they can be added up.
 */
@Component
class ReportFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,12}");

    private final SheetPdf pdf;
    private final Labels labels;

    ReportFiles(SheetPdf pdf, Labels labels) {
        this.pdf = pdf;
        this.labels = labels;
    }

    byte[] xlsx(Locale lang, ReportDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Aftercare", "1.0");
            Worksheet overview = workbook.newWorksheet(labels.text(lang, "serviceReport.section.overview"));
            overview.value(0, 0, doc.title());
            overview.style(0, 0).bold().set();
            overview.value(1, 0, doc.headerRight());
            overview.value(2, 0, doc.headerLeft());
            int r = 4;
            for (ReportDocument.Fact fact : doc.facts()) {
                overview.value(r, 0, fact.label());
                cell(overview, r, 1, fact.value());
                r++;
            }
            overview.width(0, 28);
            overview.width(1, 24);
            List<String> used = new ArrayList<>();
            for (ReportDocument.Table table : doc.tables()) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.sheetName(), used));
                for (int c = 0; c < table.header().size(); c++) {
                    sheet.value(0, c, table.header().get(c));
                    sheet.style(0, c).bold().set();
                }
                int row = 1;
                for (List<String> cells : table.rows()) {
                    for (int c = 0; c < cells.size(); c++) {
                        cell(sheet, row, c, cells.get(c));
                    }
                    row++;
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] pdf(Locale lang, ReportDocument doc) {
        List<Sheet.Row> rows = new ArrayList<>();
        rows.add(new Sheet.Section(labels.text(lang, "serviceReport.section.overview")));
        List<ReportDocument.Fact> facts = doc.facts();
        for (int i = 0; i < facts.size(); i += 2) {
            ReportDocument.Fact a = facts.get(i);
            ReportDocument.Fact b = i + 1 < facts.size() ? facts.get(i + 1) : new ReportDocument.Fact("", "");
            rows.add(new Sheet.Pair(a.label(), a.value(), b.label(), b.value()));
        }
        for (ReportDocument.Table table : doc.tables()) {
            rows.add(new Sheet.Section(table.title()));
            if (table.rows().isEmpty()) {
                rows.add(new Sheet.Statement(labels.text(lang, "serviceReport.none")));
                continue;
            }
            rows.add(new Sheet.Columns(table.header(), table.weights(), true));
            table.rows().forEach(cells -> rows.add(new Sheet.Columns(cells, table.weights(), false)));
        }
        String pageLabel = "serviceReport.page";
        Sheet sheet = new Sheet(doc.title(), doc.headerLeft(), doc.headerRight(), lang.getLanguage().equals("zh") ? 90 : 120,
                rows, doc.printedAt(), (page, pages) -> labels.text(lang, pageLabel, Map.of("page", page, "pages", pages)));
        return pdf.write(List.of(sheet));
    }

    private static void cell(Worksheet sheet, int r, int c, String value) {
        if (value != null && WHOLE.matcher(value).matches()) {
            sheet.value(r, c, Long.parseLong(value));
        } else {
            sheet.value(r, c, value == null ? "" : value);
        }
    }

    /** Excel allows 31 characters and no []:*?/\ in a sheet's name, and no two alike. */
    private static String sheetName(String wanted, List<String> used) {
        String name = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ");
        name = name.length() > 28 ? name.substring(0, 28) : name;
        String unique = name;
        for (int i = 2; used.contains(unique); i++) {
            unique = name + " " + i;
        }
        used.add(unique);
        return unique;
    }
}
