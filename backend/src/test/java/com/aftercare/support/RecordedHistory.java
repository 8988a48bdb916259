package com.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * The engine history the tests read and the product does not store (ADR 0058): the steps each process instance
 * passed, the last value of each of its variables and the user operations on each task, kept in memory from the engine's history events. Registered
 * beside the product's database writer by {@link IntegrationTest}, so the tests run the product's history level and
 * writer unchanged and the database holds what it holds in production.
 * <p>
 * Events arrive before their transaction commits; a rolled-back step would be recorded too. The tests that read this
 * ask about steps that completed (a case's path after its tasks were completed), where that makes no difference.
 */
public class RecordedHistory extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final Map<String, Set<String>> activities = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Optional<String>>> variables = new ConcurrentHashMap<>();
    private final Map<String, List<Operation>> taskOperations = new ConcurrentHashMap<>();

    /** A user operation the engine logged: its type (claim, assign, complete, …) and who did it. */
    public record Operation(String type, String userId) {
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(this);
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricActivityInstanceEventEntity a && a.getActivityId() != null) {
            activities.computeIfAbsent(a.getProcessInstanceId(), k -> ConcurrentHashMap.newKeySet()).add(a.getActivityId());
        } else if (event instanceof HistoricVariableUpdateEventEntity v && v.getProcessInstanceId() != null) {
            variables.computeIfAbsent(v.getProcessInstanceId(), k -> new ConcurrentHashMap<>())
                    .put(v.getVariableName(), Optional.ofNullable(valueOf(v)));
        } else if (event instanceof UserOperationLogEntryEventEntity o && o.getTaskId() != null) {
            taskOperations.computeIfAbsent(o.getTaskId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Operation(o.getOperationType(), o.getUserId()));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    /** The ids of the steps this process instance has entered. */
    public Set<String> activities(String processInstanceId) {
        return Set.copyOf(activities.getOrDefault(processInstanceId, Set.of()));
    }

    /** The last value this process instance gave the variable, as text (empty when it was null or never set). */
    public Optional<String> variable(String processInstanceId, String name) {
        return variables.getOrDefault(processInstanceId, Map.of()).getOrDefault(name, Optional.empty());
    }

    /** The user operations the engine logged on this task, in order (one per changed property, as its log has). */
    public List<Operation> taskOperations(String taskId) {
        return List.copyOf(taskOperations.getOrDefault(taskId, List.of()));
    }

    private static String valueOf(HistoricVariableUpdateEventEntity v) {
        if (v.getTextValue() != null) {
            return v.getTextValue();
        }
        if (v.getLongValue() != null) {
            return String.valueOf(v.getLongValue());
        }
        if (v.getDoubleValue() != null) {
            return String.valueOf(v.getDoubleValue());
        }
        return v.getByteValue() == null ? null : new String(v.getByteValue(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
