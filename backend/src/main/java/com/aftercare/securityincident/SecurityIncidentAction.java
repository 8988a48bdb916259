package com.aftercare.securityincident;

/** A line of an incident's course. */
public enum SecurityIncidentAction {
    REPORTED, TAKEN, NOTE, CUSTOMER_TOLD, CLOSED
}
