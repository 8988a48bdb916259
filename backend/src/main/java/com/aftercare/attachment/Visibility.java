package com.aftercare.attachment;

/** Who sees a message or a file: INTERNAL staff only, PUBLIC the customer's users too. */
public enum Visibility {
    INTERNAL, PUBLIC
}
