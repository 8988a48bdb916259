package com.aftercare.attachment;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.Problems;

/**
 * Refused uploads as RFC 7807 naming the field {@code file}: too big 413 (ours, and Spring's own multipart
 * limit, which otherwise surfaced as a 500), a type not taken 415, a body that is not readable multipart 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblems {

    @ExceptionHandler(FileRefusedException.class)
    ResponseEntity<Object> refused(FileRefusedException e) {
        return file(e.status(), e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e) {
        return file(HttpStatus.PAYLOAD_TOO_LARGE, "the file is larger than the upload limit");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missing(MissingServletRequestPartException e) {
        return file(HttpStatus.BAD_REQUEST, "is required (multipart/form-data part \"" + e.getRequestPartName() + "\")");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadable(MultipartException e) {
        if (e.getCause() != null && e.getCause().getClass().getSimpleName().contains("SizeLimitExceeded")) {
            return tooLarge(null);
        }
        return file(HttpStatus.BAD_REQUEST, "the body is not readable multipart/form-data with a part \"file\"");
    }

    private static ResponseEntity<Object> file(HttpStatus status, String message) {
        return Problems.of(status, "file: " + message, List.of(new BadRequestException.FieldError("file", message)));
    }
}
