package com.aftercare.inspection;

import java.time.Instant;

/**
 * The inspection feature's port to the engine (inspection.bpmn): the workflow feature implements it, so this package
 * never sees Camunda. Every call joins the caller's transaction: an inspection and its process move together or not.
 */
public interface InspectionProcess {

    /** Starts the inspection's process, whose due-date timer fires at {@code dueAt}; returns its instance id. */
    String start(long inspectionId, Instant dueAt);

    /** The time was agreed with the customer (the first time; a move to another day does not move the process). */
    void timeAgreed(long inspectionId);

    /** The engineer finished the checklist: the model opens fault cases for the failed items next. */
    void checklistDone(long inspectionId);

    /** The customer signed their opinion: the model completes the inspection. */
    void signed(long inspectionId);

    /**
     * Queues the automated items of one device for its site's probe agent: a probe job (inspection-probe.bpmn) the
     * agent fetches like any other; its result comes back through {@link RecordInspectionProbe}.
     */
    void queueProbe(long inspectionId, long deviceId);
}
