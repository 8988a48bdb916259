package com.aftercare.attachment;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.field.SignatureCheck;
import com.aftercare.serviceform.VisitImages;

/**
 * The attachment feature's side of two ports: whether a file is a ticket's drawn signature (the field steps),
 * and the images a service form prints (its public photos' thumbnails and the signature). Callers scope by
 * ticket themselves; nothing here looks at who is signed in.
 */
@Service
class AttachmentImages implements SignatureCheck, VisitImages {

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;

    AttachmentImages(AttachmentRepository attachments, AttachmentContentRepository contents) {
        this.attachments = attachments;
        this.contents = contents;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isSignatureOf(long ticketId, long attachmentId) {
        return signatureAttachment(ticketId, attachmentId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Image> photoThumbnails(long ticketId) {
        return attachments.findByTicketIdOrderByUploadedAtAscIdAsc(ticketId).stream()
                .filter(a -> a.getKind() == AttachmentKind.PHOTO && a.getVisibility() == Visibility.PUBLIC && a.hasThumbnail())
                .map(a -> contents.findById(a.getId()).map(c -> new Image(a.getId(), a.getFileName(), "image/jpeg", c.getThumbnail())))
                .flatMap(Optional::stream).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Image> signature(long ticketId, long attachmentId) {
        return signatureAttachment(ticketId, attachmentId).flatMap(a -> contents.findById(a.getId())
                .map(c -> new Image(a.getId(), a.getFileName(), a.getContentType(), c.getBytes())));
    }

    private Optional<Attachment> signatureAttachment(long ticketId, long attachmentId) {
        return attachments.findById(attachmentId)
                .filter(a -> a.getTicketId() == ticketId && a.getKind() == AttachmentKind.SIGNATURE && a.isImage());
    }
}
