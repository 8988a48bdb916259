package com.aftercare.change;

import java.time.Instant;

/**
 * The change feature's port to the engine: one change-request.bpmn instance per change request. The use cases record
 * what happened and tell the model, which decides what comes next (test, notice, the window's timers).
 */
public interface ChangeProcess {

    /** Starts the request's process; returns its instance id. */
    String start(long changeId, boolean major, Instant plannedStart, Instant plannedEnd);

    void decided(long changeId, boolean approved);

    void tested(long changeId, boolean passed);

    /** The window moved: before the notice the timers are not there yet; after it the model tells the customer again. */
    void rescheduled(long changeId, Instant plannedStart, Instant plannedEnd, boolean announced);

    void cancelled(long changeId);

    void finished(long changeId);
}
