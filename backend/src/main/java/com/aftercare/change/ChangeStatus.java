package com.aftercare.change;

/** Where a change request stands; change-request.bpmn moves it. */
public enum ChangeStatus {
    /** Waiting for a supervisor's approval. */
    SUBMITTED,
    /** A major change, approved, waiting for its test result. */
    TESTING,
    /** Approved (and tested when major); the customer has been told; waiting for the window. */
    SCHEDULED,
    /** The window has started; waiting for the outcome. */
    IN_PROGRESS,
    DONE,
    REJECTED,
    TEST_FAILED,
    CANCELLED;

    /** Before the window: the request may still be moved or withdrawn. */
    boolean beforeWindow() {
        return this == SUBMITTED || this == TESTING || this == SCHEDULED;
    }
}
