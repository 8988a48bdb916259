package com.aftercare.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.Uploads;
import com.aftercare.field.SignatureCheck;
import com.aftercare.serviceform.VisitImages;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** The ports the field steps and the service form use: a signature is this ticket's SIGNATURE image; photos are public ones. */
class AttachmentImagesTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired SignatureCheck signatures;
    @Autowired VisitImages images;
    Uploads uploads;
    Ticket ticket;
    Ticket other;

    @BeforeEach
    void twoTickets() {
        uploads = new Uploads(rest);
        ticket = report(Category.DEFECT);
        other = report(Category.DEFECT);
    }

    private long upload(Ticket t, String name, String type, byte[] bytes, String kind, String visibility) {
        var r = uploads.upload("t-eng", t.getId(), name, type, bytes, Map.of("kind", kind, "visibility", visibility), null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    @Test
    void aSignatureIsTheTicketsOwnSignatureImage() {
        byte[] drawn = Uploads.image("png", 600, 200);
        long signature = upload(ticket, "signature.png", "image/png", drawn, "SIGNATURE", "PUBLIC");
        long photo = upload(ticket, "photo.jpg", "image/jpeg", Uploads.image("jpg", 100, 100), "PHOTO", "PUBLIC");
        long pdf = upload(ticket, "report.pdf", "application/pdf", Uploads.pdf(), "FILE", "PUBLIC");

        assertThat(signatures.isSignatureOf(ticket.getId(), signature)).isTrue();
        assertThat(signatures.isSignatureOf(other.getId(), signature)).as("another ticket's").isFalse();
        assertThat(signatures.isSignatureOf(ticket.getId(), photo)).as("a photo").isFalse();
        assertThat(signatures.isSignatureOf(ticket.getId(), pdf)).as("not an image").isFalse();
        assertThat(signatures.isSignatureOf(ticket.getId(), 999_999_999L)).as("missing").isFalse();

        VisitImages.Image image = images.signature(ticket.getId(), signature).orElseThrow();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(Uploads.read(image.bytes()).getWidth()).isEqualTo(600);
        assertThat(images.signature(other.getId(), signature)).isEmpty();
        assertThat(images.signature(ticket.getId(), photo)).isEmpty();

        var pdfAsSignature = uploads.upload("t-eng", ticket.getId(), "sig.pdf", "application/pdf", Uploads.pdf(), Map.of("kind", "SIGNATURE"),
                null);
        assertThat(pdfAsSignature.status()).isEqualTo(400);
        assertThat(pdfAsSignature.errorFields()).containsExactly("kind");
    }

    @Test
    void photoThumbnailsArePublicPhotosOnlyOldestFirst() {
        long first = upload(ticket, "before.jpg", "image/jpeg", Uploads.image("jpg", 1000, 800), "PHOTO", "PUBLIC");
        upload(ticket, "internal.jpg", "image/jpeg", Uploads.image("jpg", 200, 200), "PHOTO", "INTERNAL");
        upload(ticket, "signature.png", "image/png", Uploads.image("png", 300, 100), "SIGNATURE", "PUBLIC");
        long second = upload(ticket, "after.png", "image/png", Uploads.image("png", 640, 480), "PHOTO", "PUBLIC");
        upload(other, "elsewhere.jpg", "image/jpeg", Uploads.image("jpg", 200, 200), "PHOTO", "PUBLIC");

        var thumbs = images.photoThumbnails(ticket.getId());
        assertThat(thumbs).extracting(VisitImages.Image::attachmentId).containsExactly(first, second);
        assertThat(thumbs).allSatisfy(t -> {
            assertThat(t.contentType()).isEqualTo("image/jpeg");
            assertThat(Math.max(Uploads.read(t.bytes()).getWidth(), Uploads.read(t.bytes()).getHeight())).isEqualTo(320);
        });
    }
}
