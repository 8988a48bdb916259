package com.aftercare.serviceform;

import java.util.List;
import java.util.Optional;

/** Port: the images a service form prints. The attachment feature implements it. */
public interface VisitImages {

    /** Image bytes ready to print (JPEG or PNG). */
    record Image(long attachmentId, String fileName, String contentType, byte[] bytes) {
    }

    /** Thumbnails of the ticket's photos the customer may see (visibility PUBLIC), oldest first. */
    List<Image> photoThumbnails(long ticketId);

    /** The signature image, if that attachment is a signature of this ticket. */
    Optional<Image> signature(long ticketId, long attachmentId);
}
