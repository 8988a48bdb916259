package com.aftercare.workflow;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/**
 * The open tasks of one case, across its call activities (they share the business key), oldest first, as the case
 * page shows them: the same few statements however many tasks the case has open (the tasks, then what
 * {@link TaskViews} reads for them). Reading them through the engine one task at a time cost about seven statements
 * a task (its variable, its ticket, its form, its candidate groups twice).
 */
@Service
public class ReadCaseTasks {

    private final TaskService taskService;
    private final TaskViews views;

    ReadCaseTasks(TaskService taskService, TaskViews views) {
        this.taskService = taskService;
        this.views = views;
    }

    /** Ties in create time (tasks a step starts together) in task id order, so the list does not reshuffle on reload. */
    @Transactional(readOnly = true)
    public List<TaskView> read(String ticketNumber, String user, Set<Role> roles) {
        return views.of(taskService.createTaskQuery().processInstanceBusinessKey(ticketNumber).active()
                .orderByTaskCreateTime().asc().orderByTaskId().asc().list(), user, roles);
    }
}
