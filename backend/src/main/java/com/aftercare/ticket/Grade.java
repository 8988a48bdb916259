package com.aftercare.ticket;

/** Impact and urgency grades; the level follows from both (SLA-8, DMN faultLevel). */
public enum Grade {
    HIGH, MEDIUM, LOW
}
