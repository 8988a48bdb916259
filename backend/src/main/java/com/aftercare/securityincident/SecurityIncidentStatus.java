package com.aftercare.securityincident;

/** Reported (nobody investigates yet) → investigating (a supervisor or admin took it) → closed with measures. */
public enum SecurityIncidentStatus {
    REPORTED, INVESTIGATING, CLOSED
}
