package com.aftercare.caselink;

/** How the desk links a case to another: RELATED, or DUPLICATE_OF (this case reports the other's fault again). */
public enum LinkKind {
    RELATED, DUPLICATE_OF
}
