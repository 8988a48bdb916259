package com.aftercare.warranty;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.print.PdfDownload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The scrap certificate (报废证明) as a PDF download (ADR 0028): staff, and the customer's user of the case's unit;
 * another unit's case or a case with nothing scrapped is 404. {@code lang}: zh-CN (the default) or en.
 */
@RestController
@Tag(name = "Warranty")
class ScrapCertificatePdfController {

    private final RenderScrapCertificatePdf pdfs;

    ScrapCertificatePdfController(RenderScrapCertificatePdf pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(path = "/api/tickets/{id}/scrap-certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The scrap certificate (报废证明) of a device scrapped on this case, as a PDF")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        RenderScrapCertificatePdf.Pdf pdf = pdfs.render(id, PdfDownload.language(lang));
        return PdfDownload.attachment(pdf.fileName(), pdf.asciiFileName(), pdf.bytes());
    }
}
