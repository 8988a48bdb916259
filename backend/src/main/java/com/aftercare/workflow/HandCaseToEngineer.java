package com.aftercare.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/**
 * The engine side of a supervisor's reassignment (issue 15): the case's open engineer steps (tasks whose candidates
 * include engineers) go to the new engineer; the ticket's engineer and the model's {@code engineer} variable follow
 * through the task listener, so the case's later steps go to them too. A case still waiting at the desk's
 * "Assign engineer" step is dispatched to the new engineer instead, by completing that step in the supervisor's name
 * (the timeline shows who dispatched it).
 */
@Service
public class HandCaseToEngineer {

    public enum Outcome {
        /** open engineer steps were given to the new engineer */
        MOVED,
        /** the case waited for dispatch and was dispatched to the new engineer */
        DISPATCHED,
        /** no engineer step and no dispatch step is open */
        NOTHING_OPEN
    }

    private static final String DISPATCH_TASK = "assignEngineer";

    private final TaskService taskService;
    private final WorkflowTaskService tasks;

    HandCaseToEngineer(TaskService taskService, WorkflowTaskService tasks) {
        this.taskService = taskService;
        this.tasks = tasks;
    }

    @Transactional
    public Outcome handOver(String ticketNumber, String engineer, String actor, Set<Role> actorRoles) {
        List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).active().list();
        List<Task> engineerSteps = open.stream().filter(this::forEngineers).toList();
        if (!engineerSteps.isEmpty()) {
            engineerSteps.forEach(t -> taskService.setAssignee(t.getId(), engineer));
            return Outcome.MOVED;
        }
        Task dispatch = open.stream().filter(t -> DISPATCH_TASK.equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
        if (dispatch == null) {
            return Outcome.NOTHING_OPEN;
        }
        taskService.setAssignee(dispatch.getId(), actor);
        tasks.complete(dispatch.getId(), Map.of("engineer", engineer), actor, actorRoles);
        return Outcome.DISPATCHED;
    }

    private boolean forEngineers(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && Role.ENGINEER.name().equals(l.getGroupId()));
    }
}
