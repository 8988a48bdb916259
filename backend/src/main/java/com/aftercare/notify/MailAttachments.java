package com.aftercare.notify;

import java.util.List;
import java.util.Optional;

/**
 * Files a queued mail carries, found when it is sent: a delivery keeps only a reference ("service-report:42"), so
 * the outbox row stays small and a retry sends the same stored files. The feature that owns the files implements
 * this port (notify knows none of them).
 */
public interface MailAttachments {

    /** A file as the mail carries it. */
    record File(String fileName, String contentType, byte[] bytes) {
    }

    /** The files of {@code reference}, or empty when this implementation does not know the reference. */
    Optional<List<File>> filesOf(String reference);
}
