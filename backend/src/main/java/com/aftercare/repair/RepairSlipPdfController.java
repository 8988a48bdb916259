package com.aftercare.repair;

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
 * The repair slip (送修单) as a PDF download (ADR 0028). Whoever may read the case's repair may download it: staff,
 * and a customer's user for their own unit's case (with the customer's view of the slip); another unit's case is
 * 404. {@code lang}: zh-CN (the default) or en.
 */
@RestController
@Tag(name = "Repair")
class RepairSlipPdfController {

    private final RenderRepairSlipPdf pdfs;

    RepairSlipPdfController(RenderRepairSlipPdf pdfs) {
        this.pdfs = pdfs;
    }

    @GetMapping(path = "/api/tickets/{id}/repair-slip.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The case's repair slips (送修单) as a PDF, one page per device sent; 404 when none")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        RenderRepairSlipPdf.Pdf pdf = pdfs.render(id, PdfDownload.language(lang));
        return PdfDownload.attachment(pdf.fileName(), pdf.asciiFileName(), pdf.bytes());
    }
}
