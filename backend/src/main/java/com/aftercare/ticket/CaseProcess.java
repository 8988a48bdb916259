package com.aftercare.ticket;

/**
 * The port through which the ticket feature starts a case in the process engine. The ticket feature
 * owns this interface and never sees the engine; the workflow feature implements it. Starting a case
 * joins the caller's transaction, so a ticket and its process exist together or not at all.
 */
public interface CaseProcess {

    /** What the fault-intake model needs to start: the ticket and the inputs of the contract's level decision. */
    record FaultIntake(Long ticketId, String ticketNumber, Grade impact, Grade urgency, Category category,
            String levelDecision) {
    }

    /** Starts the fault-intake process of a newly recorded ticket; returns the process instance id. */
    String startFaultIntake(FaultIntake intake);

    /**
     * Ends every process of the case (intake and its escalation clocks), without running the models' listeners:
     * for a case closed as the duplicate of another (ADR 0040). Processes already ended are skipped.
     */
    void endCase(String ticketNumber, String reason);

    /** What the model of a consultation, complaint or service request needs to start (issue 15, ADR 0037). */
    record RequestCase(Long ticketId, String ticketNumber, RequestType type, ServiceItem serviceItem) {
    }

    /** Starts the model of a request that is not a fault ({@link RequestType#processKey()}); returns the instance id. */
    String startRequest(RequestCase request);

    /**
     * Takes a closed fault case up again (issue 15, ADR 0043): the fault-intake model runs once more from the desk's
     * first-line step, keyed by the same number, and its SLA clocks are watched again unless an escalation of the case
     * is still running (a fault report still owed). Joins the caller's transaction.
     */
    String reopenFaultCase(Long ticketId, String ticketNumber, Category category);
}
