package com.aftercare.probe;

/**
 * Where a recheck goes when the server cannot probe the device itself (its site's probe agent can): a probe job on the
 * verification's topic, which the agent fetches and locks like a verification job (ADR 0042). A port the probe feature
 * owns and the workflow feature implements (only it knows the engine). Both calls join the caller's transaction.
 */
public interface RecheckQueue {

    /** Queues a recheck of the case's device; the case keeps its status and steps. */
    void queue(Long ticketId, String ticketNumber);

    /** Whether a queued recheck of the case waits for, or is being run by, the agent. */
    boolean queued(String ticketNumber);
}
