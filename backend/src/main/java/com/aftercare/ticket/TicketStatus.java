package com.aftercare.ticket;

/** Where a case stands. Set by the process: each step of the models declares the status it means. */
public enum TicketStatus {
    NEW, AT_DESK, AWAITING_DISPATCH, DISPATCHED, IN_PROGRESS, THIRD_PARTY, AWAITING_VENDOR, VERIFYING, AWAITING_CALLBACK, CLOSED
}
