package com.aftercare.stock;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.aftercare.notify.MailAttachments;

/** The sheet of a stale stock warning for its mails ("stale-stock-warning:42"), read when the delivery worker sends them. */
@Component
class StaleWarningMailFiles implements MailAttachments {

    static final String REFERENCE = "stale-stock-warning:";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReadStaleStockWarnings read;

    StaleWarningMailFiles(ReadStaleStockWarnings read) {
        this.read = read;
    }

    @Override
    public Optional<List<File>> filesOf(String reference) {
        if (reference == null || !reference.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(reference.substring(REFERENCE.length()));
            return read.fileOf(id).map(f -> List.of(new File(f.fileName(), XLSX, f.bytes())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
