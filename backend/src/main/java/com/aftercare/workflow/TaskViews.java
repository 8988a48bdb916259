package com.aftercare.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.ticket.TicketHeadline;
import com.aftercare.ticket.TicketHeadlines;

/**
 * What a list of tasks shows (inbox page, the case page's open tasks) for a list the caller has already read, in the
 * same few statements however many tasks it holds: their candidate groups (one query), the variables of their
 * processes (one), their tickets (one); the forms come from {@link TaskForms}. The engine's API answers these a task
 * at a time, about five statements a task.
 */
@Component
class TaskViews {

    private final RuntimeService runtimeService;
    private final TaskForms forms;
    private final TicketHeadlines tickets;
    private final JobCards cards;
    private final NamedParameterJdbcTemplate jdbc;

    TaskViews(RuntimeService runtimeService, TaskForms forms, TicketHeadlines tickets, JobCards cards,
            NamedParameterJdbcTemplate jdbc) {
        this.runtimeService = runtimeService;
        this.forms = forms;
        this.tickets = tickets;
        this.cards = cards;
        this.jdbc = jdbc;
    }

    /**
     * The tasks as {@code user} with {@code roles} sees them, in the given order. A task completed by someone else
     * since it was listed is left out rather than failing the whole list.
     */
    List<TaskView> of(List<Task> tasks, String user, Set<Role> roles) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> groups = candidateGroups(tasks);
        Map<String, Map<String, TypedValue>> variables = visibleVariables(tasks);
        Map<String, Long> ticketIds = new HashMap<>();
        variables.forEach((taskId, vars) -> {
            TypedValue id = vars.get("ticketId");
            if (id != null && id.getValue() instanceof Number n) {
                ticketIds.put(taskId, n.longValue());
            }
        });
        Map<Long, TicketHeadline> headlines = tickets.byIds(new LinkedHashSet<>(ticketIds.values()));
        Map<String, List<TaskView.FormFieldView>> fields = forms.fieldsOf(tasks, variables);

        List<TaskView> views = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (!fields.containsKey(task.getId())) {
                continue; // completed by someone else since it was listed (TaskForms.fieldsOf)
            }
            Long ticketId = ticketIds.get(task.getId());
            TicketHeadline ticket = ticketId == null ? null : headlines.get(ticketId);
            List<String> candidates = groups.getOrDefault(task.getId(), List.of());
            boolean actionable = task.getAssignee() != null ? task.getAssignee().equals(user)
                    : roles.stream().anyMatch(r -> candidates.contains(r.name()));
            views.add(cards.view(task, ticketId, ticket, candidates, actionable, fields.get(task.getId())));
        }
        return views;
    }

    /**
     * Candidate groups by task id, in the order of {@link Role}: one query over the engine's identity links of the
     * tasks. The engine's API reads identity links one task at a time (a statement a task), and its task
     * query by candidate group would cost one statement per role. Candidate groups are role names (tasks are routed
     * to roles), and only they decide who may act.
     */
    private Map<String, List<String>> candidateGroups(List<Task> tasks) {
        Map<String, Set<String>> found = new HashMap<>();
        jdbc.query("select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate' and GROUP_ID_ is not null"
                + " and TASK_ID_ in (:ids)", Map.of("ids", tasks.stream().map(Task::getId).toList()), rs -> {
                    found.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
                });
        Map<String, List<String>> groups = new HashMap<>();
        found.forEach((task, names) -> groups.put(task,
                java.util.Arrays.stream(Role.values()).map(Role::name).filter(names::contains).toList()));
        return groups;
    }

    /**
     * The variables each task's execution sees, from one query over the tasks' process instances: those of the
     * execution itself over those of its process instance (where the models keep them). Binary and object
     * values are not fetched: task forms and ticket ids are plain values, and fetching them would cost a
     * statement each.
     */
    private Map<String, Map<String, TypedValue>> visibleVariables(List<Task> tasks) {
        String[] processInstances = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, Map<String, TypedValue>> byExecution = new HashMap<>();
        if (processInstances.length > 0) {
            for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(processInstances)
                    .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
                if (v.getTaskId() == null) {
                    byExecution.computeIfAbsent(v.getExecutionId(), id -> new HashMap<>()).put(v.getName(), v.getTypedValue());
                }
            }
        }
        Map<String, Map<String, TypedValue>> byTask = new HashMap<>();
        for (Task task : tasks) {
            Map<String, TypedValue> visible = new HashMap<>(byExecution.getOrDefault(task.getProcessInstanceId(), Map.of()));
            if (task.getExecutionId() != null && !task.getExecutionId().equals(task.getProcessInstanceId())) {
                visible.putAll(byExecution.getOrDefault(task.getExecutionId(), Map.of()));
            }
            byTask.put(task.getId(), visible);
        }
        return byTask;
    }
}
