package com.aftercare.common;

/** The request is well-formed but clashes with the current state (task already completed, claimed by someone else). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
