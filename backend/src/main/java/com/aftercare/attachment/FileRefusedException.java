package com.aftercare.attachment;

import org.springframework.http.HttpStatus;

/** An upload refused for what the file is: too big (413) or of a type not taken (415). Names the field {@code file}. */
class FileRefusedException extends RuntimeException {

    private final HttpStatus status;

    FileRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
