package com.aftercare.serviceform;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.labels.Labels;

/**
 * The printable service form (维修服务单) of a ticket: as JSON for the print page and as a PDF to download.
 * Staff read any ticket's form, a customer's user their own unit's (another unit's ticket is 404).
 * {@code lang}: zh-CN (the default) or en.
 */
@RestController
class ServiceFormController {

    private final ReadServiceForm forms;
    private final RenderServiceFormPdf pdfs;

    ServiceFormController(ReadServiceForm forms, RenderServiceFormPdf pdfs) {
        this.forms = forms;
        this.pdfs = pdfs;
    }

    @GetMapping("/api/tickets/{id}/service-form")
    ServiceForm form(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        return forms.read(id, language(lang));
    }

    @GetMapping(path = "/api/tickets/{id}/service-form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        RenderServiceFormPdf.Pdf pdf = pdfs.render(id, language(lang));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(pdf.fileName(), pdf.asciiFileName()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf.bytes());
    }

    private static Locale language(String lang) {
        if (lang == null || lang.isBlank()) {
            return Labels.ZH;
        }
        String tag = lang.trim().toLowerCase(Locale.ROOT);
        if (!tag.matches("(zh|en)([-_][a-z0-9]{1,8})*")) {
            throw new BadRequestException("lang", "must be zh-CN or en");
        }
        return Labels.language(tag);
    }

    /** attachment; an ASCII file name for old clients and the real one RFC 5987-encoded (filename*). */
    static String contentDisposition(String fileName, String asciiFileName) {
        String ascii = asciiFileName.replaceAll("[^A-Za-z0-9._-]+", "-");
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
