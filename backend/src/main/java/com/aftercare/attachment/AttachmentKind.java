package com.aftercare.attachment;

/** What a file is on a case: a photo (an image), any other file, or a signature drawn on a phone (PNG or JPEG). */
public enum AttachmentKind {
    PHOTO, FILE, SIGNATURE
}
