package com.aftercare.notify;

/**
 * Who gets a message. {@code email} and {@code mobile} may be null. A null {@code username} is an
 * external-only recipient: no in-app notification, but e-mail and @-mentions in group robots.
 */
public record Recipient(String username, String displayName, String email, String mobile) {
}
