package com.aftercare.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.aftercare.common.NotFoundException;
import com.aftercare.labels.Labels;
import com.aftercare.print.Sheet;
import com.aftercare.print.SheetPdf;

/**
 * The repair slip (送修单, RR-1) as a PDF to download: one sheet per device sent to a vendor, the same facts as the
 * print page (read through {@link ReadRepair}, so a customer's user gets the customer's view), with boxes for the
 * engineer's and the vendor's signatures. Times in the service's zone (aftercare.zone); labels from the shared
 * labels bundle (repairSlip.*), Chinese by default. 404 when the case never went to a vendor.
 */
@Service
public class RenderRepairSlipPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** fileName: "送修单-&lt;case number&gt;.pdf" in the reader's language; asciiFileName for old clients. */
    public record Pdf(String fileName, String asciiFileName, byte[] bytes) {
    }

    private final ReadRepair repairs;
    private final SheetPdf pdf;
    private final Labels labels;
    private final Clock clock;

    RenderRepairSlipPdf(ReadRepair repairs, SheetPdf pdf, Labels labels, Clock clock) {
        this.repairs = repairs;
        this.pdf = pdf;
        this.labels = labels;
        this.clock = clock;
    }

    public Pdf render(long ticketId, Locale language) {
        RepairView repair = repairs.read(ticketId);
        if (repair.slips().isEmpty()) {
            throw new NotFoundException("No repair slip on ticket " + ticketId);
        }
        Locale lang = Labels.language(language);
        String printed = l(lang, "printedAt", Map.of("at", time(clock.instant())));
        List<Sheet> sheets = repair.slips().stream().map(s -> sheet(lang, repair, s, printed)).toList();
        return new Pdf(l(lang, "fileName") + "-" + repair.ticketNumber() + ".pdf", "repair-slip-" + repair.ticketNumber() + ".pdf",
                pdf.write(sheets));
    }

    private Sheet sheet(Locale lang, RepairView r, RepairView.Slip s, String printed) {
        boolean back = s.returnedAt() != null;
        String loaner = s.loaner() == null ? null
                : String.join(" · ", s.loaner().model(), s.loaner().serial());
        List<Sheet.Row> rows = List.of(
                new Sheet.Pair(l(lang, "ticket"), r.ticketNumber(), l(lang, "vendor"), s.vendorName()),
                new Sheet.Pair(l(lang, "customer"), r.customerName(), l(lang, "site"), r.siteName()),
                new Sheet.Wide(l(lang, "address"), r.siteAddress(), 1),
                new Sheet.Section(l(lang, "deviceSection")),
                new Sheet.Pair(l(lang, "device"), s.deviceName(), l(lang, "deviceModel"), s.deviceModel()),
                new Sheet.Pair(l(lang, "deviceSerial"), s.deviceSerial(), l(lang, "loaner"), loaner),
                new Sheet.Wide(l(lang, "fault"), s.fault(), 3),
                new Sheet.Section(l(lang, "sendSection")),
                new Sheet.Pair(l(lang, "sentBy"), s.sentBy(), l(lang, "sentAt"), time(s.sentAt())),
                new Sheet.Pair(l(lang, "expectedReturn"), time(s.expectedReturnAt()), l(lang, "returnRule"),
                        labels.find(lang, "returnRule", s.returnRule()).orElse(null)),
                new Sheet.Wide(l(lang, "note"), s.note(), 1),
                new Sheet.Pair(l(lang, "returnedAt"), back ? time(s.returnedAt()) : null, l(lang, "outcome"),
                        back ? labels.find(lang, "repairOutcome", s.outcome()).orElse(null) : null),
                new Sheet.Wide(l(lang, "vendorReport"), s.vendorReport(), 3),
                new Sheet.Section(l(lang, "signSection")),
                new Sheet.SignHere(List.of(l(lang, "signEngineer"), l(lang, "signVendor")), l(lang, "date")));
        return new Sheet(l(lang, "title"), labels.find(lang, "zone", clock.getZone().getId()).orElse(clock.getZone().getId()),
                l(lang, "slipNumber") + " " + s.slipNumber(), Labels.EN.equals(lang) ? 96 : 70, rows, printed,
                (page, pages) -> l(lang, "page", Map.of("page", page, "pages", pages)));
    }

    private String l(Locale lang, String key) {
        return labels.text(lang, "repairSlip." + key);
    }

    private String l(Locale lang, String key, Map<String, ?> args) {
        return labels.text(lang, "repairSlip." + key, args);
    }

    private String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(clock.getZone()));
    }
}
