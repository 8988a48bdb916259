package com.aftercare.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/**
 * My task inbox: my tasks plus the unclaimed tasks of my roles, newest first, a page of at most {@value #PAGE}. One page
 * costs the same few statements however many tasks it holds: the page's task ids, the tasks, then what
 * {@link TaskViews} reads for them (candidate groups, variables, tickets in one query each); a counted page adds one
 * count. Reading it task by task took about five statements a task, a thousand for a full page.
 * <p>
 * Order: create time, then task id, both newest first. Tasks a case starts together carry the same create time to
 * the millisecond (and to the second on databases that keep no more); without the id the database may put such
 * ties in a different order for each page's statement, and a task would show on two pages or on none (ADR 0063).
 */
@Service
public class ReadTaskInbox {

    static final int PAGE = 200;

    /** Mine (claimed or assigned to me), active. */
    private static final String MINE = "from ACT_RU_TASK where ASSIGNEE_ = :user and SUSPENSION_STATE_ = 1";
    /** Unclaimed, active, offered to one of my roles: the engine's "candidate group in" (it excludes assigned tasks). */
    private static final String OFFERED = "from ACT_RU_TASK T where T.ASSIGNEE_ is null and T.SUSPENSION_STATE_ = 1"
            + " and exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate'"
            + " and I.GROUP_ID_ in (:groups))";

    private final TaskService taskService;
    private final TaskViews views;
    private final NamedParameterJdbcTemplate jdbc;

    ReadTaskInbox(TaskService taskService, TaskViews views, NamedParameterJdbcTemplate jdbc) {
        this.taskService = taskService;
        this.views = views;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles) {
        return read(user, roles, 0, PAGE);
    }

    /** One page (from 0) of {@code size} tasks, at most {@value #PAGE}: the page's ids first, the rest for the page only. */
    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles, int page, int size) {
        return views.of(pageOfTasks(user, roles, page, size), user, roles);
    }

    /**
     * The page and the size of the whole inbox: one count more than {@link #read(String, Set, int, int)}, over the
     * same condition. Page and count are read in one transaction; a task completed between the two statements can
     * still make them differ by one on a database that reads committed rows per statement, which the next refresh
     * mends.
     */
    @Transactional(readOnly = true)
    public TaskPage readPage(String user, Set<Role> roles, int page, int size) {
        List<TaskView> content = read(user, roles, page, size);
        long total = count(user, roles);
        return new TaskPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    /**
     * The page's tasks: mine, and the unclaimed ones of my roles' candidate groups (active ones only), as the engine's
     * query "assignee = me or a candidate group of mine" answers. That query joins every task to its identity links
     * and removes duplicates before it can sort, so it reads every open task: 100,000 at a large integrator (ADR 0064).
     * Asked as its two halves (disjoint: assigned to me, or unassigned), each walks an index newest first and stops
     * after the page's end, in the page's own order (create time, then id), so the union's first rows are the page;
     * the engine then loads the page's tasks by id.
     */
    private List<Task> pageOfTasks(String user, Set<Role> roles, int page, int size) {
        // limits and offset as literals (ints the controller checked): H2 keeps a statement's parsed form per session
        // and, with the limit of a union's half as a parameter, answered the next page with the first call's limit
        long upTo = (long) (page + 1) * size;
        long offset = (long) page * size;
        String order = " order by CREATE_TIME_ desc, ID_ desc";
        String sql = "select ID_ from ((select ID_, CREATE_TIME_ " + MINE + order + " limit " + upTo + ")";
        if (!roles.isEmpty()) {
            sql += " union (select T.ID_, T.CREATE_TIME_ " + OFFERED + " order by T.CREATE_TIME_ desc, T.ID_ desc limit " + upTo + ")";
        }
        List<String> ids = jdbc.queryForList(sql + ") x" + order + " limit " + size + " offset " + offset, params(user, roles),
                String.class);
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Task> byId = new HashMap<>();
        taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().forEach(t -> byId.put(t.getId(), t));
        // a task completed between the two reads is simply not on this page
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The whole inbox's size: the two disjoint halves counted in one statement. */
    private long count(String user, Set<Role> roles) {
        String sql = "select (select count(*) " + MINE + ")"
                + (roles.isEmpty() ? "" : " + (select count(*) " + OFFERED + ")");
        Long total = jdbc.queryForObject(sql, params(user, roles), Long.class);
        return total == null ? 0 : total;
    }

    private static Map<String, Object> params(String user, Set<Role> roles) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", user);
        if (!roles.isEmpty()) {
            params.put("groups", roles.stream().map(Role::name).toList());
        }
        return params;
    }
}
