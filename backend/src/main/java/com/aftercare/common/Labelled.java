package com.aftercare.common;

/**
 * A code in a problem text's arguments that the reader should see by its label (group {@code task}, code
 * {@code callback} → "回访"), not as the code itself. The error handler looks it up in the reader's language.
 */
public record Labelled(String group, String code) {
}
