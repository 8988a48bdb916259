package com.aftercare.notify;

/** Who gets a message. email/mobile may be null. username null = external-only recipient. */
public record Recipient(String username, String displayName, String email, String mobile) {
}
