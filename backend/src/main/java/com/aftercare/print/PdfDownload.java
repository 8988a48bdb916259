package com.aftercare.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.aftercare.common.BadRequestException;
import com.aftercare.labels.Labels;

/**
 * A printed sheet as a download: the {@code lang} parameter (zh-CN by default, or en; anything else is 400 naming
 * {@code lang}) and the response with the PDF as an attachment, its name in the reader's language (RFC 5987) and an
 * ASCII name for old clients, not cached. The same rules as the service form's PDF (ADR 0018).
 */
public final class PdfDownload {

    private PdfDownload() {
    }

    public static Locale language(String lang) {
        if (lang == null || lang.isBlank()) {
            return Labels.ZH;
        }
        String tag = lang.trim().toLowerCase(Locale.ROOT);
        if (!tag.matches("(zh|en)([-_][a-z0-9]{1,8})*")) {
            throw new BadRequestException("lang", "must be zh-CN or en");
        }
        return Labels.language(tag);
    }

    public static ResponseEntity<byte[]> attachment(String fileName, String asciiFileName, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName, asciiFileName))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

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
