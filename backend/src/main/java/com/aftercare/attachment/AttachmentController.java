package com.aftercare.attachment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.aftercare.common.BadRequestException;

/** Files on a case: upload (multipart), list, open, thumbnail. Customer scope and limits: docs/adr/0016. */
@RestController
class AttachmentController {

    private final UploadAttachment upload;
    private final ListAttachments list;
    private final ReadAttachment read;

    AttachmentController(UploadAttachment upload, ListAttachments list, ReadAttachment read) {
        this.upload = upload;
        this.list = list;
        this.read = read;
    }

    @PostMapping(path = "/api/tickets/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<AttachmentView> upload(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) AttachmentKind kind,
            @RequestParam(name = "visibility", required = false) Visibility visibility,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) throws IOException {
        if (file == null) {
            throw new BadRequestException("file", "is required (multipart/form-data part \"file\")");
        }
        UploadAttachment.Upload request = new UploadAttachment.Upload(id, file.getOriginalFilename(), file.getBytes(), kind, visibility);
        UploadAttachment.Uploaded uploaded;
        try {
            uploaded = upload.upload(request, idempotencyKey);
        } catch (DataIntegrityViolationException e) {
            // two sends of the same kept photo raced (a phone's outbox and a retry): the key's unique index let one
            // in; the other answers as a resend does (the first attachment, 200), or 422 for another file
            if (idempotencyKey == null) {
                throw e;
            }
            uploaded = upload.upload(request, idempotencyKey);
        }
        if (!uploaded.isNew()) {
            return ResponseEntity.ok(uploaded.attachment());
        }
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/attachments/" + uploaded.attachment().id()))
                .body(uploaded.attachment());
    }

    @GetMapping("/api/tickets/{id}/attachments")
    List<AttachmentView> list(@PathVariable long id) {
        return list.ofTicket(id);
    }

    @GetMapping("/api/tickets/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long attachmentId) {
        return send(read.file(id, attachmentId), false);
    }

    @GetMapping("/api/tickets/{id}/attachments/{attachmentId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long attachmentId) {
        return send(read.thumbnail(id, attachmentId), true);
    }

    /**
     * Images and PDFs open in the browser, everything else downloads; the detected type is sent as is and
     * the browser may not guess another (nosniff), and nothing in the file may run scripts (CSP sandbox).
     */
    private static ResponseEntity<byte[]> send(ReadAttachment.Content content, boolean thumbnail) {
        boolean inline = content.contentType().startsWith("image/") || content.contentType().equals("application/pdf");
        String name = thumbnail ? "thumbnail-" + content.fileName() + ".jpg" : content.fileName();
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .cacheControl(CacheControl.noCache().cachePrivate());
        if (content.sha256() != null) {
            answer = answer.eTag("\"" + content.sha256() + "\"");
        }
        return answer.body(content.bytes());
    }
}
