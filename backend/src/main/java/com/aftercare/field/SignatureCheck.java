package com.aftercare.field;

/**
 * Port: is this attachment a signature drawn on this ticket? The attachment feature implements it, so the
 * field steps can refuse a completion confirmation that points at another ticket's file or at a non-image.
 */
public interface SignatureCheck {

    /** True if the attachment exists, belongs to the ticket, is of kind SIGNATURE and is an image. */
    boolean isSignatureOf(long ticketId, long attachmentId);
}
