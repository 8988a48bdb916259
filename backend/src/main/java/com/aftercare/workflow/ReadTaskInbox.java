package com.aftercare.workflow;

import java.util.ArrayList;
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

    private final TaskService taskService;
    private final TaskViews views;
    private final NamedParameterJdbcTemplate jdbc;
    private final OfferedTaskKinds offeredKinds;

    ReadTaskInbox(TaskService taskService, TaskViews views, NamedParameterJdbcTemplate jdbc, OfferedTaskKinds offeredKinds) {
        this.taskService = taskService;
        this.views = views;
        this.jdbc = jdbc;
        this.offeredKinds = offeredKinds;
    }

    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles) {
        return read(user, roles, 0, PAGE);
    }

    /** One page (from 0) of {@code size} tasks, at most {@value #PAGE}: the page's ids first, the rest for the page only. */
    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles, int page, int size) {
        return views.of(pageOfTasks(user, roles, page, size).tasks(), user, roles);
    }

    /**
     * The page and the size of the whole inbox: one count more than {@link #read(String, Set, int, int)}, over the
     * same condition. Page and count are read in one transaction; a task completed between the two statements can
     * still make them differ by one on a database that reads committed rows per statement, which the next refresh
     * mends.
     */
    @Transactional(readOnly = true)
    public TaskPage readPage(String user, Set<Role> roles, int page, int size) {
        PageOfTasks tasks = pageOfTasks(user, roles, page, size);
        List<TaskView> content = views.of(tasks.tasks(), user, roles);
        long total = count(user, roles, tasks.kinds());
        return new TaskPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    /** A page's tasks and the kinds of task its offered half asked for (the count asks for the same). */
    private record PageOfTasks(List<Task> tasks, OfferedTaskKinds.Known kinds) {
    }

    private static final String UNCLAIMED = "from ACT_RU_TASK T where T.ASSIGNEE_ is null and T.SUSPENSION_STATE_ = 1";
    private static final String CANDIDATE = " and exists (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = T.ID_"
            + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (:groups))";

    /**
     * Unclaimed, active, offered to one of my roles (the engine's "candidate group in" excludes assigned tasks), by
     * kind of task (ADR 0070): the kinds the models offer exactly to one of my groups are taken by kind alone, the
     * kinds only a task's candidate links can decide are asked those links. Each kind's tasks are one range of the
     * index by kind, newest first; a task has one kind, so the kinds' ranges are disjoint and a task offered to two of
     * my groups is one row. Empty: no model offers anything to these groups.
     */
    private static List<String> offeredByKind(Set<Role> roles, OfferedTaskKinds.Known kinds, String select, String tail) {
        List<String> parts = new ArrayList<>();
        if (roles.isEmpty()) {
            return parts;
        }
        List<String> groups = roles.stream().map(Role::name).toList();
        for (String kind : kinds.exactlyOfferedTo(groups)) {
            parts.add(select + UNCLAIMED + " and T.TASK_DEF_KEY_ = " + literal(kind) + tail);
        }
        for (String kind : kinds.perhapsOfferedTo(groups)) {
            parts.add(select + UNCLAIMED + " and T.TASK_DEF_KEY_ = " + literal(kind) + CANDIDATE + tail);
        }
        return parts;
    }

    /** A user-task id of a deployed model (an XML name: no quotes) as an SQL literal, quoted all the same. */
    private static String literal(String kind) {
        return "'" + kind.replace("'", "''") + "'";
    }

    /**
     * The page's tasks: mine, and the unclaimed ones of my roles' candidate groups (active ones only), as the engine's
     * query "assignee = me or a candidate group of mine" answers. That query joins every task to its identity links
     * and removes duplicates before it can sort, so it reads every open task: 100,000 at a large integrator (ADR 0064).
     * Asked as disjoint parts (assigned to me; unassigned, one part per kind of task offered to me, ADR 0070), each
     * walks an index range newest first and stops after the page's end, in the page's own order (create time, then
     * id), so the union's first rows are the page;
     * the engine then loads the page's tasks by id. The statement also returns the repository stamp the offered kinds
     * were read under ({@link OfferedTaskKinds}); after a deployment it is asked again with the new kinds.
     */
    private PageOfTasks pageOfTasks(String user, Set<Role> roles, int page, int size) {
        OfferedTaskKinds.Known kinds = offeredKinds.known();
        List<String> ids = new ArrayList<>();
        OfferedTaskKinds.Stamp stamp = pageIds(user, roles, page, size, kinds, ids);
        if (!stamp.equals(kinds.stamp())) {
            kinds = offeredKinds.under(stamp);
            ids.clear();
            pageIds(user, roles, page, size, kinds, ids);
        }
        if (ids.isEmpty()) {
            return new PageOfTasks(List.of(), kinds);
        }
        Map<String, Task> byId = new HashMap<>();
        taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().forEach(t -> byId.put(t.getId(), t));
        // a task completed between the two reads is simply not on this page
        return new PageOfTasks(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), kinds);
    }

    /** The page's task ids into {@code ids}, in order; returns the repository stamp read in the same statement. */
    private OfferedTaskKinds.Stamp pageIds(String user, Set<Role> roles, int page, int size, OfferedTaskKinds.Known kinds,
            List<String> ids) {
        // limits and offset as literals (ints the controller checked): H2 keeps a statement's parsed form per session
        // and, with the limit of a union's half as a parameter, answered the next page with the first call's limit
        long upTo = (long) (page + 1) * size;
        long offset = (long) page * size;
        String order = " order by CREATE_TIME_ desc, ID_ desc";
        String sql = "select ID_, CREATE_TIME_ from ((select ID_, CREATE_TIME_ " + MINE + order + " limit " + upTo + ")";
        for (String kind : offeredByKind(roles, kinds, "select T.ID_, T.CREATE_TIME_ ",
                " order by T.CREATE_TIME_ desc, T.ID_ desc limit " + upTo)) {
            sql += " union all (" + kind + ")";
        }
        sql += ") x" + order + " limit " + size + " offset " + offset;
        // the stamp's one row, with the page's rows beside it (none: the stamp alone)
        String withStamp = "select S.DEPLOYMENTS, S.NEWEST, P.ID_ from (" + OfferedTaskKinds.STAMP + ") S left join (" + sql
                + ") P on 1 = 1 order by P.CREATE_TIME_ desc, P.ID_ desc";
        OfferedTaskKinds.Stamp[] stamp = new OfferedTaskKinds.Stamp[1];
        jdbc.query(withStamp, params(user, roles), rs -> {
            stamp[0] = new OfferedTaskKinds.Stamp(rs.getLong(1), rs.getTimestamp(2));
            String id = rs.getString(3);
            if (id != null) {
                ids.add(id);
            }
        });
        return stamp[0];
    }

    /** The whole inbox's size: the disjoint parts (mine, each kind offered to me) counted in one statement. */
    private long count(String user, Set<Role> roles, OfferedTaskKinds.Known kinds) {
        String sql = "select (select count(*) " + MINE + ")";
        for (String kind : offeredByKind(roles, kinds, "select count(*) ", "")) {
            sql += " + (" + kind + ")";
        }
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
