package com.aftercare.workflow;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/**
 * My task inbox: my tasks plus the unclaimed tasks of my roles, newest first, a page of at most {@value #PAGE}. One page
 * costs the same few statements however many tasks it holds: the tasks, then what {@link TaskViews} reads for them
 * (candidate groups, variables, tickets in one query each); a counted page adds one count. Reading it task by task
 * took about five statements a task, a thousand for a full page.
 * <p>
 * Order: create time, then task id, both newest first. Tasks a case starts together carry the same create time to
 * the millisecond (and to the second on databases that keep no more); without the id the database may put such
 * ties in a different order for each page's statement, and a task would show on two pages or on none (ADR 0063).
 */
@Service
public class ReadTaskInbox {

    static final int PAGE = 200;

    private final TaskService taskService;
    private final TaskViews views;

    ReadTaskInbox(TaskService taskService, TaskViews views) {
        this.taskService = taskService;
        this.views = views;
    }

    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles) {
        return read(user, roles, 0, PAGE);
    }

    /** One page (from 0) of {@code size} tasks, at most {@value #PAGE}: the engine pages, the rest is read for the page only. */
    @Transactional(readOnly = true)
    public List<TaskView> read(String user, Set<Role> roles, int page, int size) {
        return views.of(inbox(user, roles).orderByTaskCreateTime().desc().orderByTaskId().desc()
                .listPage(page * size, size), user, roles);
    }

    /**
     * The page and the size of the whole inbox: one count more than {@link #read(String, Set, int, int)}, over the
     * same condition (the engine counts without its ordering). Page and count are read in one transaction; a task
     * completed between the two statements can still make them differ by one on a database that reads committed
     * rows per statement, which the next refresh mends.
     */
    @Transactional(readOnly = true)
    public TaskPage readPage(String user, Set<Role> roles, int page, int size) {
        List<TaskView> content = read(user, roles, page, size);
        long total = inbox(user, roles).count();
        return new TaskPage(content, page, size, total, (int) ((total + size - 1) / size));
    }

    private TaskQuery inbox(String user, Set<Role> roles) {
        TaskQuery query = taskService.createTaskQuery().or().taskAssignee(user);
        if (!roles.isEmpty()) {
            query = query.taskCandidateGroupIn(roles.stream().map(Role::name).toList());
        }
        return query.endOr().active();
    }
}
