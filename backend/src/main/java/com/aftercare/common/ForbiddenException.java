package com.aftercare.common;

/** Signed in, but not allowed to do this (wrong role, someone else's task). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
