package com.aftercare.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;

import com.aftercare.labels.Labels;

/**
 * The supervisor board as an Excel sheet, one row per live clock, written wholly in one language: the
 * headers and every coded cell (status, region, escalation, clock, clock state, risk) are labels, never
 * codes, so a sheet forwarded to a customer reads like the board did. Times are the service zone's,
 * digits only, the same in both languages.
 */
@Service
class ExportBoard {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Labels labels;
    private final Clock clock;

    ExportBoard(Labels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    void write(Consumer<Consumer<SupervisorBoardService.Row>> rows, Locale language, OutputStream out) throws IOException {
        Locale lang = Labels.language(language);
        ZoneId zone = clock.getZone();
        Workbook workbook = new Workbook(out, "Aftercare", "1.0");
        Worksheet sheet = workbook.newWorksheet(header(lang, "sheet"));
        String zoneName = labels.find(lang, "zone", zone.getId()).orElse(zone.getId());
        List<String> header = List.of(header(lang, "ticket"), header(lang, "title"), header(lang, "level"), header(lang, "status"),
                header(lang, "site"), header(lang, "region"), header(lang, "engineer"), header(lang, "escalation"),
                header(lang, "clock"), header(lang, "state"), labels.text(lang, "boardExport.due", Map.of("zone", zoneName)),
                header(lang, "remainingMinutes"), header(lang, "risk"));
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        int[] next = { 1 };
        rows.accept(row -> {
            for (SupervisorBoardService.BoardClock c : row.clocks()) {
                int r = next[0]++;
                sheet.value(r, 0, row.number());
                sheet.value(r, 1, row.title());
                sheet.value(r, 2, labels.faultLevel(lang, row.policy(), row.level()));
                sheet.value(r, 3, labels.label(lang, "status", row.status()));
                sheet.value(r, 4, row.siteName());
                sheet.value(r, 5, labels.label(lang, "region", row.region()));
                sheet.value(r, 6, row.assignee());
                sheet.value(r, 7, escalation(lang, row.escalationLevel(), row.escalationName()));
                sheet.value(r, 8, labels.label(lang, "clock", c.clock()));
                sheet.value(r, 9, labels.label(lang, "clockState", c.state()));
                sheet.value(r, 10, c.dueAt() == null ? null : LOCAL.withZone(zone).format(c.dueAt()));
                if (c.remainingSeconds() != null) {
                    sheet.value(r, 11, Math.floorDiv(c.remainingSeconds(), 60));
                }
                sheet.value(r, 12, labels.label(lang, "risk", c.risk()));
            }
            if (next[0] % 1000 < row.clocks().size()) {
                flush(sheet);
            }
        });
        workbook.finish();
    }

    /** Writes the rows so far to the response, so a large board does not sit in memory. */
    private static void flush(Worksheet sheet) {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String header(Locale lang, String column) {
        return labels.text(lang, "boardExport." + column);
    }

    /**
     * "第2档升级 · 超时" when the policy's rung has a shipped label, else the rung alone: a process owner's own
     * rung name is a code of their policy file, not something to put before a reader.
     */
    private String escalation(Locale lang, int level, String rungName) {
        if (level == 0) {
            return labels.text(lang, "escalation.none");
        }
        return labels.find(lang, "escalation", rungName)
                .map(name -> labels.text(lang, "escalation.value", Map.of("level", level, "name", name)))
                .orElseGet(() -> labels.rung(lang, level));
    }
}
