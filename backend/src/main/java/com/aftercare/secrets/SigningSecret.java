package com.aftercare.secrets;

/** The text rule for a robot's signing secret (DingTalk "加签"), shared by contracts and notifications. */
public final class SigningSecret {

    public static final int MAX_LENGTH = 200;

    private SigningSecret() {
    }

    /** Why this secret cannot be used, or null if it can (null = no signing = fine). */
    public static String problem(String secret) {
        if (secret == null) {
            return null;
        }
        if (secret.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        if (secret.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "must not contain spaces or control characters";
        }
        return null;
    }
}
