package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.Labelled;
import com.aftercare.common.ForbiddenException;
import com.aftercare.common.NotFoundException;
import com.aftercare.engineer.EngineerService;
import com.aftercare.field.RecordFieldStep;
import com.aftercare.identity.Role;
import com.aftercare.idempotency.IdempotencyKey;
import com.aftercare.idempotency.RememberIdempotentRequest;
import com.aftercare.idempotency.ReplayIdempotentRequest;
import com.aftercare.idempotency.RequestFingerprint;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.RecordRedispatch;
import com.aftercare.ticket.RecordTaskCompletion;
import com.aftercare.ticket.TicketHeadline;

/**
 * The user-task side of the engine: inbox, claim, complete. Enforces on the server that only the
 * assignee, or a member of a candidate group when nobody holds the task, may act on it.
 */
@Service
public class WorkflowTaskService {

    /** The desk's "call the requester back" task of customer-callback.bpmn. */
    public static final String CALLBACK_TASK = "callRequester";

    private static final int INBOX_LIMIT = 200;

    private final TaskService taskService;
    private final FormService formService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final FindTicket tickets;
    private final RecordRedispatch recordRedispatch;
    private final RecordTaskCompletion recordTaskCompletion;
    private final EngineerService engineers;
    private final RecordFieldStep recordFieldStep;
    private final ReplayIdempotentRequest replayIdempotentRequest;
    private final RememberIdempotentRequest rememberIdempotentRequest;
    private final JobCards jobCards;

    WorkflowTaskService(TaskService taskService, FormService formService, RuntimeService runtimeService,
            HistoryService historyService, IdentityService identityService, FindTicket tickets, RecordRedispatch recordRedispatch,
            RecordTaskCompletion recordTaskCompletion, EngineerService engineers, RecordFieldStep recordFieldStep,
            ReplayIdempotentRequest replayIdempotentRequest, RememberIdempotentRequest rememberIdempotentRequest,
            JobCards jobCards) {
        this.taskService = taskService;
        this.formService = formService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.tickets = tickets;
        this.recordRedispatch = recordRedispatch;
        this.recordTaskCompletion = recordTaskCompletion;
        this.engineers = engineers;
        this.recordFieldStep = recordFieldStep;
        this.replayIdempotentRequest = replayIdempotentRequest;
        this.rememberIdempotentRequest = rememberIdempotentRequest;
        this.jobCards = jobCards;
    }

    /** My tasks plus the unclaimed tasks of my roles, newest first. */
    @Transactional(readOnly = true)
    public List<TaskView> inbox(String user, Set<Role> roles) {
        var query = taskService.createTaskQuery().or().taskAssignee(user);
        if (!roles.isEmpty()) {
            query = query.taskCandidateGroupIn(roles.stream().map(Role::name).toList());
        }
        List<Task> tasks = query.endOr().active().orderByTaskCreateTime().desc().orderByTaskId().desc().listPage(0, INBOX_LIMIT);
        return tasks.stream().map(t -> view(t, user, roles)).toList();
    }

    /**
     * The open tasks of one case, across its call activities (they share the business key), read through the engine
     * one task at a time (about seven statements a task). The case page reads them through {@link ReadCaseTasks} in a
     * few statements; this stays as what that is compared with (CaseTasksStatementCountTest), as {@link #inbox} is
     * for {@link ReadTaskInbox}, and for callers that want the engine's own reading of a few tasks (demo data, tests).
     */
    @Transactional(readOnly = true)
    public List<TaskView> tasksOfTicket(String ticketNumber, String user, Set<Role> roles) {
        return taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).active()
                .orderByTaskCreateTime().asc().orderByTaskId().asc().list().stream().map(t -> view(t, user, roles)).toList();
    }

    @Transactional
    public void claim(String taskId, String user, Set<Role> roles) {
        Task task = openTask(taskId);
        if (task.getAssignee() != null) {
            if (task.getAssignee().equals(user)) {
                return;
            }
            throw ConflictException.of("taskClaimed", Map.of("assignee", task.getAssignee()));
        }
        if (!isCandidate(taskId, roles)) {
            throw new ForbiddenException("Task " + taskId + " is for " + candidateGroups(taskId) + ", not for your roles");
        }
        taskService.claim(taskId, user);
    }

    /** The holder gives a task back to its groups (or a supervisor takes it off an absent holder). */
    @Transactional
    public void unclaim(String taskId, String user, Set<Role> roles) {
        Task task = openTask(taskId);
        if (task.getAssignee() == null) {
            return;
        }
        if (!task.getAssignee().equals(user) && !roles.contains(Role.SUPERVISOR) && !roles.contains(Role.ADMIN)) {
            throw new ForbiddenException("Task " + taskId + " is held by " + task.getAssignee() + "; only they or a supervisor may release it");
        }
        taskService.setAssignee(taskId, null);
    }

    /**
     * Re-dispatch (IN-7): the desk or a supervisor hands an engineer's task to another engineer,
     * e.g. when the first cannot go. The following steps of the case go to the new engineer too.
     */
    @Transactional
    public void reassign(String taskId, String newAssignee, Set<Role> roles) {
        Task task = openTask(taskId);
        if (roles.stream().noneMatch(r -> r == Role.SERVICE_DESK || r == Role.SUPERVISOR || r == Role.ADMIN)) {
            throw new ForbiddenException("Only the service desk or a supervisor may reassign tasks");
        }
        if (!candidateGroups(taskId).contains(Role.ENGINEER.name())) {
            throw new BadRequestException("id", "only engineers' tasks can be reassigned; this one is for " + candidateGroups(taskId));
        }
        if (newAssignee == null || !engineers.exists(newAssignee)) {
            throw new BadRequestException("assignee", "unknown engineer " + newAssignee);
        }
        taskService.setAssignee(task.getId(), newAssignee);
        Long ticketId = ticketId(task);
        if (ticketId != null) {
            recordRedispatch.record(ticketId, newAssignee); // IN-7: answers a reported delay
        }
    }

    /** The scope of task completions' Idempotency-Keys (V24). */
    static final String COMPLETE_SCOPE = "task-complete";

    /**
     * Completes a task once per Idempotency-Key (issue 12: a form kept on a phone without signal is sent
     * again when the signal returns). A retry with the same key, caller and values does nothing and
     * answers as the first did, even though the task is gone; the same key for anything else is a 422.
     * The key is taken before the task is touched, so a concurrent twin waits for this one and then fails
     * on the key (the caller answers it with {@link #replayCompletion}).
     *
     * @return true if this request completed the task, false if it was a retry of one that did
     */
    @Transactional
    public boolean complete(String taskId, Map<String, Object> submitted, String idempotencyKey, String user, Set<Role> roles) {
        if (idempotencyKey == null) {
            complete(taskId, submitted, user, roles);
            return true;
        }
        IdempotencyKey.check(idempotencyKey);
        String fingerprint = completionFingerprint(taskId, submitted, user);
        if (replayIdempotentRequest.replay(COMPLETE_SCOPE, idempotencyKey, fingerprint).isPresent()) {
            return false;
        }
        rememberIdempotentRequest.remember(COMPLETE_SCOPE, idempotencyKey, user, fingerprint, 204);
        complete(taskId, submitted, user, roles);
        return true;
    }

    /** Whether a completion with this key was already done (true) for this very request; 422 if for another. */
    public boolean replayCompletion(String taskId, Map<String, Object> submitted, String idempotencyKey, String user) {
        return idempotencyKey != null
                && replayIdempotentRequest.replay(COMPLETE_SCOPE, idempotencyKey, completionFingerprint(taskId, submitted, user)).isPresent();
    }

    private static String completionFingerprint(String taskId, Map<String, Object> submitted, String user) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("task", taskId);
        request.put("values", submitted == null ? Map.of() : submitted);
        return RequestFingerprint.of(user, request);
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> submitted, String user, Set<Role> roles) {
        Task task = openTask(taskId);
        if (!mayAct(task, user, roles)) {
            throw new ForbiddenException(task.getAssignee() != null
                    ? "Task " + taskId + " is assigned to " + task.getAssignee()
                    : "Task " + taskId + " is for " + candidateGroups(taskId) + ", not for your roles");
        }
        submit(task, submitted, user, roles, false);
    }

    /**
     * A field step the customer's side answers (reviewPlan, confirmCompletion) through its own endpoint: the
     * customer of the ticket (the caller checked it is theirs), or staff for them: a candidate or holder of the
     * task, the desk, a supervisor or an admin.
     */
    @Transactional
    public void completeCustomerStep(String ticketNumber, String taskKey, Map<String, Object> submitted, String user,
            Set<Role> roles, boolean remotely) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).taskDefinitionKey(taskKey)
                .active().list().stream().findFirst().orElse(null);
        if (task == null) {
            throw ConflictException.of("nothingWaits", Map.of("number", ticketNumber, "task", new Labelled("task", taskKey)));
        }
        boolean customer = roles.contains(Role.CUSTOMER) && roles.size() == 1;
        boolean staffForCustomer = roles.stream().anyMatch(r -> r == Role.SERVICE_DESK || r == Role.SUPERVISOR || r == Role.ADMIN);
        if (!customer && !staffForCustomer && !mayAct(task, user, roles)) {
            throw new ForbiddenException("Only the customer, the desk or the task's holder may answer " + taskKey);
        }
        submit(task, submitted, user, roles, remotely);
    }

    /**
     * The customer answers the callback of their own ticket (VC-4) with the same form the desk uses:
     * whether the fix is confirmed, satisfaction and feedback. The caller has checked the ticket is theirs.
     */
    @Transactional
    public void answerCallback(String ticketNumber, Map<String, Object> submitted, String user) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).taskDefinitionKey(CALLBACK_TASK)
                .active().singleResult();
        if (task == null) {
            throw ConflictException.of("noCallbackWaiting", Map.of("number", ticketNumber));
        }
        submit(task, submitted, user, Set.of(Role.CUSTOMER), false);
    }

    private void submit(Task task, Map<String, Object> submitted, String user, Set<Role> roles, boolean remotely) {
        String taskId = task.getId();
        List<FormField> fields = formService.getTaskFormData(taskId).getFormFields();
        Map<String, Object> values = FormValues.validate(fields, submitted == null ? Map.of() : submitted);
        checkLookups(fields, values);

        Long ticketId = ticketId(task);
        VariableMap variables = Variables.createVariables();
        values.forEach(variables::putValue);
        if (task.getAssignee() == null) {
            taskService.setAssignee(taskId, user); // the history shows who did it
        }
        // an API request already carries the user (EngineAuthentication); other callers get it here, and the
        // request's identity is put back afterwards rather than cleared under it
        org.camunda.bpm.engine.impl.identity.Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(user, roles.stream().map(Role::name).sorted().toList());
        try {
            if (ticketId != null) {
                recordFieldStep.record(ticketId, task.getTaskDefinitionKey(), values, user, remotely);
                recordTaskCompletion.record(ticketId, processKey(task), task.getTaskDefinitionKey(), task.getName(), values);
            }
            formService.submitTaskForm(taskId, variables);
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    private void checkLookups(List<FormField> fields, Map<String, Object> values) {
        for (FormField field : fields) {
            if ("engineer".equals(field.getProperties().get("lookup")) && values.get(field.getId()) != null
                    && !engineers.exists(values.get(field.getId()).toString())) {
                throw new BadRequestException(field.getId(), "unknown engineer " + values.get(field.getId()));
            }
        }
    }

    private Task openTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            if (task.isSuspended()) {
                throw ConflictException.of("taskSuspended");
            }
            return task;
        }
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null && done.getEndTime() != null) {
            throw ConflictException.of("taskCompleted", Map.of("task", new Labelled("task", done.getTaskDefinitionKey())));
        }
        throw new NotFoundException("No task " + taskId);
    }

    private boolean mayAct(Task task, String user, Set<Role> roles) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user);
        }
        return isCandidate(task.getId(), roles);
    }

    private boolean isCandidate(String taskId, Set<Role> roles) {
        List<String> groups = candidateGroups(taskId);
        return roles.stream().anyMatch(r -> groups.contains(r.name()));
    }

    private List<String> candidateGroups(String taskId) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    /** The model's key: the engine's definition ids are "key:version:id", which saves a query per completed task. */
    private static String processKey(Task task) {
        String definitionId = task.getProcessDefinitionId();
        int colon = definitionId == null ? -1 : definitionId.indexOf(':');
        return colon < 0 ? definitionId : definitionId.substring(0, colon);
    }

    private Long ticketId(Task task) {
        Object id = runtimeService.getVariable(task.getExecutionId(), "ticketId");
        return id instanceof Number n ? n.longValue() : null;
    }

    private TaskView view(Task task, String user, Set<Role> roles) {
        Long ticketId = ticketId(task);
        TicketHeadline headline = ticketId == null ? null : TicketHeadline.of(tickets.get(ticketId));
        List<TaskView.FormFieldView> fields = new ArrayList<>();
        for (FormField f : formService.getTaskFormData(task.getId()).getFormFields()) {
            List<TaskView.Option> options = new ArrayList<>();
            FormValues.enumValues(f).forEach((id, name) -> options.add(new TaskView.Option(id, name)));
            Object defaultValue = f.getValue() == null ? null : f.getValue().getValue();
            Map<String, String> properties = new LinkedHashMap<>(f.getProperties());
            fields.add(new TaskView.FormFieldView(f.getId(), f.getLabel(), f.getTypeName(), FormValues.isRequired(f), defaultValue,
                    options.isEmpty() ? null : options, properties, FormValues.maxLength(f)));
        }
        return jobCards.view(task, ticketId, headline, candidateGroups(task.getId()), mayAct(task, user, roles), fields);
    }

    /** Counts for diagnostics and tests: how many user tasks a case has open. */
    @Transactional(readOnly = true)
    public Map<String, Long> openTaskKeys(String ticketNumber) {
        Map<String, Long> counts = new HashMap<>();
        taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).list()
                .forEach(t -> counts.merge(t.getTaskDefinitionKey(), 1L, Long::sum));
        return counts;
    }
}
