package com.aftercare.serviceform;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Stand-in for {@link VisitImages} until tickets have attachments: deleted at merge: attach implements it. No images. */
@Component
class TemporaryVisitImages implements VisitImages {

    @Override
    public List<Image> photoThumbnails(long ticketId) {
        return List.of();
    }

    @Override
    public Optional<Image> signature(long ticketId, long attachmentId) {
        return Optional.empty();
    }
}
