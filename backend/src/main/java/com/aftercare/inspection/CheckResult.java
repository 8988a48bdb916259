package com.aftercare.inspection;

/** One checklist line's outcome. */
public enum CheckResult {
    PASS, FAIL
}
