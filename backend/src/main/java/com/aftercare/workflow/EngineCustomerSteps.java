package com.aftercare.workflow;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.aftercare.field.CustomerSteps;
import com.aftercare.identity.Role;

/** The field feature's port onto the engine: the open tasks of a case, and completing the customer's steps. */
@Component
class EngineCustomerSteps implements CustomerSteps {

    private final WorkflowTaskService tasks;

    EngineCustomerSteps(WorkflowTaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> openTaskKeys(String ticketNumber) {
        return tasks.openTaskKeys(ticketNumber).keySet();
    }

    @Override
    public void complete(String ticketNumber, String taskKey, Map<String, Object> values, String user, Set<Role> roles,
            boolean remotely) {
        tasks.completeCustomerStep(ticketNumber, taskKey, values, user, roles, remotely);
    }
}
