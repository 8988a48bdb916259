package com.aftercare.inspection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.aftercare.common.NotFoundException;
import com.aftercare.labels.Labels;
import com.aftercare.print.Sheet;
import com.aftercare.print.SheetPdf;
import com.aftercare.inspection.InspectionViews.AssetView;
import com.aftercare.inspection.InspectionViews.CheckView;
import com.aftercare.inspection.InspectionViews.InspectionDetail;
import com.aftercare.inspection.InspectionViews.InspectionSummary;

/**
 * PM-4's last step: the inspection report as a PDF (print.SheetPdf, Chinese headings), readable by whoever may read
 * the inspection once its checklist is done: every line with its result, note, fault case and photo, the asset records
 * verified (PM-5), and the customer's opinion and signature.
 */
@Service
public class RenderInspectionReport {

    public record Pdf(String fileName, String asciiFileName, byte[] bytes) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReadInspections read;
    private final SheetPdf pdf;
    private final Labels labels;
    private final java.time.Clock clock;
    private final InspectionCheckRepository checks;
    private final ReadInspectionPhoto photos;

    RenderInspectionReport(ReadInspections read, SheetPdf pdf, Labels labels, java.time.Clock clock,
            InspectionCheckRepository checks, ReadInspectionPhoto photos) {
        this.read = read;
        this.checks = checks;
        this.photos = photos;
        this.pdf = pdf;
        this.labels = labels;
        this.clock = clock;
    }

    public Pdf render(long id, Locale language) {
        InspectionDetail d = read.read(id);
        InspectionSummary s = d.summary();
        if (s.status() == InspectionStatus.AWAITING_TIME || s.status() == InspectionStatus.SCHEDULED) {
            throw new NotFoundException("Inspection " + id + " has no report before its checklist is done");
        }
        Locale lang = Labels.language(language);
        List<Sheet.Row> rows = new ArrayList<>();
        rows.add(new Sheet.Pair(l(lang, "customer"), s.customerName(), l(lang, "site"),
                s.siteName() == null ? l(lang, "allSites") : s.siteName()));
        String kind = labels.label(lang, "inspection.kind", s.kind().name())
                + (s.hazard() == null ? "" : "（" + labels.label(lang, "inspection.hazard", s.hazard().name()) + "）");
        rows.add(new Sheet.Pair(l(lang, "kind"), kind, l(lang, "plan"), s.planName()));
        rows.add(new Sheet.Pair(l(lang, "window"), s.windowStart() + " ~ " + s.lastDay(), l(lang, "agreed"), time(s.agreedAt())));
        rows.add(new Sheet.Pair(l(lang, "via"), d.agreedVia() == null ? null : labels.label(lang, "inspection.via", d.agreedVia().name()),
                l(lang, "engineer"), d.checklistDoneBy()));
        rows.add(new Sheet.Pair(l(lang, "doneAt"), time(d.checklistDoneAt()), l(lang, "summary"),
                l(lang, "summaryText", Map.of("total", s.items(), "passed", s.items() - s.failed(), "failed", s.failed()))));
        rows.add(new Sheet.Section(l(lang, "checks")));
        // the photo ids of the lines (the view carries only their URLs); each photo is read when its line is printed
        Map<Long, Long> photoIds = new java.util.HashMap<>();
        checks.findByInspectionIdOrderById(id).stream().filter(c -> c.getPhotoId() != null)
                .forEach(c -> photoIds.put(c.getId(), c.getPhotoId()));
        for (CheckView c : d.checks()) {
            String result = c.result() == null ? "" : labels.label(lang, "inspection.result", c.result().name());
            StringBuilder value = new StringBuilder(result);
            if (c.note() != null) {
                value.append("：").append(c.note());
            }
            if (c.faultNumber() != null) {
                value.append("（").append(l(lang, "fault")).append(" ").append(c.faultNumber()).append("）");
            }
            rows.add(new Sheet.Wide(l(lang, "line", Map.of("device", c.deviceName(), "item", c.item())), value.toString(), 1));
            Long photoId = photoIds.get(c.id());
            if (photoId != null) {
                rows.add(new Sheet.Picture(l(lang, "photo"), photos.read(id, photoId).bytes()));
            }
        }
        if (d.verifyAssets()) {
            rows.add(new Sheet.Section(l(lang, "assets")));
            for (AssetView a : d.assets()) {
                String value = a.confirmed() == null ? "" : a.confirmed() ? l(lang, "assetConfirmed")
                        : l(lang, "assetCorrected", Map.of("model", dash(a.foundModel()), "serial", dash(a.foundSerialNumber()),
                                "location", dash(a.foundLocation()), "ip", dash(a.foundIpAddress()), "outOfService",
                                Boolean.TRUE.equals(a.foundOutOfService()) ? l(lang, "assetOutOfService") : ""))
                        + (a.decision() == null ? "" : l(lang, "assetDecision",
                                Map.of("decision", labels.label(lang, "inspection.decision", a.decision().name()))));
                rows.add(new Sheet.Wide(a.deviceName(), value, 1));
            }
        }
        rows.add(new Sheet.Section(l(lang, "opinion")));
        rows.add(new Sheet.Wide(l(lang, "opinion"), d.opinion(), 3));
        rows.add(new Sheet.Pair(l(lang, "signer"), d.signerName(), l(lang, "signedAt"), time(d.signedAt())));
        if (d.signedAt() != null) {
            rows.add(new Sheet.Wide(l(lang, "signature"), l(lang, d.signature() == null ? "signedOnline" : "signedOnPhone"), 1));
        } else if (d.signedAt() == null) {
            rows.add(new Sheet.SignHere(List.of(l(lang, "signature")), l(lang, "signedAt")));
        }
        String printed = l(lang, "printedAt", Map.of("at", time(clock.instant())));
        Sheet sheet = new Sheet(l(lang, "title"), zone().getId(), l(lang, "number") + " " + id,
                Labels.ZH.equals(lang) ? 90f : 120f, rows, printed,
                (page, pages) -> l(lang, "page", Map.of("page", page, "pages", pages)));
        return new Pdf(l(lang, "fileName") + "-" + id + ".pdf", "inspection-report-" + id + ".pdf", pdf.write(List.of(sheet)));
    }

    private String l(Locale lang, String key) {
        return l(lang, key, Map.of());
    }

    private String l(Locale lang, String key, Map<String, ?> args) {
        return labels.text(lang, "inspection.report." + key, args);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(zone()));
    }
}
