package com.aftercare.warranty;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.aftercare.labels.Labels;
import com.aftercare.print.Sheet;
import com.aftercare.print.SheetPdf;

/**
 * The scrap certificate (报废证明, RR-6) as a PDF to download: the same facts as the print page (read through
 * {@link ReadScrapCertificate}: 404 when nothing was scrapped on the case, another unit's case 404), the statement,
 * and boxes for the provider's and the owner's seals. Labels from the shared bundle (scrapCertificate.*), Chinese by
 * default; the date in the service's zone (aftercare.zone).
 */
@Service
public class RenderScrapCertificatePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** fileName: "报废证明-&lt;certificate number&gt;.pdf" in the reader's language; asciiFileName for old clients. */
    public record Pdf(String fileName, String asciiFileName, byte[] bytes) {
    }

    private final ReadScrapCertificate certificates;
    private final SheetPdf pdf;
    private final Labels labels;
    private final Clock clock;

    RenderScrapCertificatePdf(ReadScrapCertificate certificates, SheetPdf pdf, Labels labels, Clock clock) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.labels = labels;
        this.clock = clock;
    }

    public Pdf render(long ticketId, Locale language) {
        ReadScrapCertificate.ScrapCertificate c = certificates.of(ticketId);
        Locale lang = Labels.language(language);
        List<Sheet.Row> rows = List.of(
                new Sheet.Pair(l(lang, "ticket"), c.ticketNumber(), l(lang, "scrappedAt"),
                        c.scrappedAt() == null ? null : DAY.format(c.scrappedAt().atZone(clock.getZone()))),
                new Sheet.Pair(l(lang, "customer"), c.customerName(), l(lang, "site"), c.siteName()),
                new Sheet.Wide(l(lang, "address"), c.siteAddress(), 1),
                new Sheet.Section(l(lang, "scrapped")),
                new Sheet.Pair(l(lang, "deviceName"), c.scrapped().name(), l(lang, "deviceType"), type(lang, c.scrapped())),
                new Sheet.Pair(l(lang, "model"), c.scrapped().model(), l(lang, "serialNumber"), c.scrapped().serialNumber()),
                new Sheet.Wide(l(lang, "cause"), labels.find(lang, "replacementCause", c.cause()).orElse(null), 1),
                new Sheet.Section(l(lang, "replacement")),
                new Sheet.Pair(l(lang, "deviceName"), c.replacement().name(), l(lang, "deviceType"), type(lang, c.replacement())),
                new Sheet.Pair(l(lang, "model"), c.replacement().model(), l(lang, "serialNumber"), c.replacement().serialNumber()),
                new Sheet.Statement(l(lang, "statement")),
                new Sheet.SignHere(List.of(l(lang, "signProvider"), l(lang, "signOwner")), l(lang, "date")));
        Sheet sheet = new Sheet(l(lang, "title"),
                labels.find(lang, "zone", clock.getZone().getId()).orElse(clock.getZone().getId()),
                l(lang, "no") + " " + c.certificateNo(), Labels.EN.equals(lang) ? 96 : 70, rows,
                l(lang, "printedAt", Map.of("at", TIME.format(clock.instant().atZone(clock.getZone())))),
                (page, pages) -> l(lang, "page", Map.of("page", page, "pages", pages)));
        return new Pdf(l(lang, "fileName") + "-" + c.certificateNo() + ".pdf", "scrap-certificate-" + c.certificateNo() + ".pdf",
                pdf.write(List.of(sheet)));
    }

    private String type(Locale lang, ReadScrapCertificate.DeviceLine d) {
        return labels.find(lang, "scrapCertificate.deviceTypes", d.type()).orElse(d.type());
    }

    private String l(Locale lang, String key) {
        return labels.text(lang, "scrapCertificate." + key);
    }

    private String l(Locale lang, String key, Map<String, ?> args) {
        return labels.text(lang, "scrapCertificate." + key, args);
    }
}
