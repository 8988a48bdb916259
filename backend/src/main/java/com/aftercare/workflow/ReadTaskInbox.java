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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.ticket.TicketHeadline;
import com.aftercare.ticket.TicketHeadlines;

/**
 * My task inbox: my tasks plus the unclaimed tasks of my roles, newest first, a page of at most {@value #PAGE}. One page
 * costs the same few statements however many tasks it holds: the page's task ids, the tasks, their candidate groups (one query), the
 * variables of their processes, their tickets; the forms come from {@link TaskForms}. Reading it
 * task by task took about five statements a task, a thousand for a full page.
 */
@Service
public class ReadTaskInbox {

    static final int PAGE = 200;

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TaskForms forms;
    private final TicketHeadlines tickets;
    private final JobCards cards;
    private final NamedParameterJdbcTemplate jdbc;

    ReadTaskInbox(TaskService taskService, RuntimeService runtimeService, TaskForms forms, TicketHeadlines tickets,
            JobCards cards, NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.forms = forms;
        this.tickets = tickets;
        this.cards = cards;
    }

    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles) {
        return read(user, roles, 0, PAGE);
    }

    /** One page (from 0) of {@code size} tasks, at most {@value #PAGE}: the engine pages, the rest is read for the page only. */
    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles, int page, int size) {
        List<Task> tasks = pageOfTasks(user, roles, page, size);
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

        List<TaskView> inbox = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (!fields.containsKey(task.getId())) {
                continue; // completed by someone else since it was listed (TaskForms.fieldsOf)
            }
            Long ticketId = ticketIds.get(task.getId());
            TicketHeadline ticket = ticketId == null ? null : headlines.get(ticketId);
            List<String> candidates = groups.getOrDefault(task.getId(), List.of());
            boolean actionable = task.getAssignee() != null ? task.getAssignee().equals(user)
                    : roles.stream().anyMatch(r -> candidates.contains(r.name()));
            inbox.add(cards.view(task, ticketId, ticket, candidates, actionable, fields.get(task.getId())));
        }
        return inbox;
    }

    /**
     * The page's tasks, newest first: mine, and the unclaimed ones of my roles' candidate groups (active ones only), as
     * the engine's query "assignee = me or a candidate group of mine" answers. That query joins every task to its
     * identity links and removes duplicates before it can sort, so it reads every open task: 100,000 at a large
     * integrator (ADR 0064). Asked as its two halves, each walks an index newest first and stops after the page
     * (rows up to the page's end from each), and the engine then loads the page's tasks by id.
     */
    private List<Task> pageOfTasks(String user, Set<Role> roles, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        params.put("upTo", (page + 1) * size);
        params.put("size", size);
        params.put("offset", page * size);
        String sql = "select ID_ from ((select ID_, CREATE_TIME_ from ACT_RU_TASK where ASSIGNEE_ = :user and SUSPENSION_STATE_ = 1"
                + " order by CREATE_TIME_ desc limit :upTo)";
        if (!roles.isEmpty()) {
            params.put("groups", roles.stream().map(Role::name).toList());
            sql += " union (select T.ID_, T.CREATE_TIME_ from ACT_RU_TASK T where T.ASSIGNEE_ is null and T.SUSPENSION_STATE_ = 1"
                    + " and exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate'"
                    + " and I.GROUP_ID_ in (:groups)) order by T.CREATE_TIME_ desc limit :upTo)";
        }
        List<String> ids = jdbc.queryForList(sql + ") x order by CREATE_TIME_ desc, ID_ limit :size offset :offset", params,
                String.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> byId = new HashMap<>();
        taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().forEach(t -> byId.put(t.getId(), t));
        // a task completed between the two reads is simply not on this page
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Candidate groups by task id, in the order of {@link Role}: one query over the engine's identity links of the
     * page's tasks. The engine's API reads identity links one task at a time (a statement a task), and its task
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
     * values are not fetched: inbox forms and ticket ids are plain values, and fetching them would cost a
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
