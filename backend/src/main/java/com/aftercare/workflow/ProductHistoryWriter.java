package com.aftercare.workflow;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Writes to the engine's history tables only what the product reads back (ADR 0058): process instances (their end and
 * removal time drive the history cleanup; tests and an operator find a case's processes by business key), task
 * instances (a task completed by someone else is a 409 "taskCompleted", {@code WorkflowTaskService}) and incidents.
 * Activity instances (ACT_HI_ACTINST), variable instances (ACT_HI_VARINST and their byte arrays) and the user
 * operation log (ACT_HI_OP_LOG: claims, assignments, completions) are dropped here: they were most of a closed case's
 * engine history, nothing in the product reads them (no Cockpit is shipped), and the case's path and who acted on it
 * are the product's own timeline and hash-chained audit log (RP-2).
 * <p>
 * A handler rather than the level: the level decides whether an event is produced at all, and the tests need the
 * events (the path a case took, a variable's last value) without the product storing them; the test configuration
 * adds an in-memory handler beside this one. Dropping an activity's end event also saves the handler's select of
 * the start row and the update of it, two statements per step.
 */
final class ProductHistoryWriter extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity || event instanceof HistoricVariableUpdateEventEntity
                || event instanceof UserOperationLogEntryEventEntity) {
            return;
        }
        super.handleEvent(event);
    }
}
