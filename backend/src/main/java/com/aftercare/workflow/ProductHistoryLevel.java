package com.aftercare.workflow;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history as the product reads it (ADR 0056): everything of level {@code full} except the kinds nobody
 * reads and that made up most of a closed case's ~50 KB of ACT_HI_* rows: every intermediate value of every variable
 * (ACT_HI_DETAIL), the job log of each timer and async step, the identity-link log of each task's candidate groups,
 * the inputs and outputs of every decision evaluation and the external-task log. The case's own record is the
 * product's timeline and audit chain (RP-2), not the engine's history. Of what the level still produces,
 * {@link ProductHistoryWriter} stores only process and task instances and incidents (ADR 0058); activity and variable
 * instances and the operation log are produced for the tests' in-memory recorder and not stored.
 * <p>
 * Same id and name as {@code full} (3, "full"; registered as a custom level, which wins over the built-in one of the
 * same name): the database's {@code historyLevel} property stays valid, so an existing installation
 * starts without a migration, and reverting is a configuration change ({@code aftercare.engine.lean-history: false}).
 */
final class ProductHistoryLevel extends HistoryLevelFull {

    private static final Set<HistoryEventType> NOT_KEPT = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.FORM_PROPERTY_UPDATE, HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE, HistoryEventTypes.IDENTITY_LINK_ADD,
            HistoryEventTypes.IDENTITY_LINK_DELETE, HistoryEventTypes.DMN_DECISION_EVALUATE,
            HistoryEventTypes.EXTERNAL_TASK_CREATE, HistoryEventTypes.EXTERNAL_TASK_FAIL,
            HistoryEventTypes.EXTERNAL_TASK_SUCCESS, HistoryEventTypes.EXTERNAL_TASK_DELETE);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return !NOT_KEPT.contains(eventType);
    }
}
