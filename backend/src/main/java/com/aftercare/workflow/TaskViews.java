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
     * The variables each task's execution sees: those of the execution itself over those of its process instance
     * (where the models keep them). Task forms and ticket ids are plain values, so the plain ones (text, numbers,
     * yes/no, dates, null) are read straight from the engine's variable table in one statement; a process instance
     * holding any other kind (a serialized object, JSON, a file) is read through the engine's query as before, without
     * binary values or deserialization. The engine's query maps every row through MyBatis into a cached entity that
     * its command then checks for changes: for a page of 200 tasks, about 2,000 rows and 60 % of the page's CPU on the
     * million-case year (ADR 0079).
     */
    private Map<String, Map<String, TypedValue>> visibleVariables(List<Task> tasks) {
        List<String> processInstances = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct().toList();
        Map<String, Map<String, TypedValue>> byExecution = new HashMap<>();
        if (!processInstances.isEmpty()) {
            Set<String> notPlain = new HashSet<>();
            jdbc.query("select PROC_INST_ID_, EXECUTION_ID_, NAME_, TYPE_, TEXT_, LONG_, DOUBLE_ from ACT_RU_VARIABLE"
                    + " where PROC_INST_ID_ in (:ids) and TASK_ID_ is null", Map.of("ids", processInstances), rs -> {
                        TypedValue value = PlainVariables.value(rs.getString(4), rs.getString(5), rs.getObject(6, Long.class),
                                rs.getObject(7, Double.class));
                        if (value == null) {
                            notPlain.add(rs.getString(1));
                        } else {
                            byExecution.computeIfAbsent(rs.getString(2), id -> new HashMap<>()).put(rs.getString(3), value);
                        }
                    });
            if (!notPlain.isEmpty()) {
                // read again by the engine, plain values and the others alike (it knows how each kind is stored)
                for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(notPlain.toArray(String[]::new))
                        .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
                    if (v.getTaskId() == null) {
                        byExecution.computeIfAbsent(v.getExecutionId(), id -> new HashMap<>()).put(v.getName(), v.getTypedValue());
                    }
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
