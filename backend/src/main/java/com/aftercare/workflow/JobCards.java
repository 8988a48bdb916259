package com.aftercare.workflow;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.ticket.TicketHeadline;

/**
 * Builds a {@link TaskView} with what a job card shows of its case. The level's name comes from the policy version
 * the ticket runs on; the catalogue keeps parsed versions, so a page of tasks costs no statement per task.
 */
@Component
class JobCards {

    private final PolicyCatalog policies;

    JobCards(PolicyCatalog policies) {
        this.policies = policies;
    }

    TaskView view(Task task, Long ticketId, TicketHeadline ticket, List<String> candidates, boolean actionable,
            List<TaskView.FormFieldView> fields) {
        Date created = task.getCreateTime();
        if (ticket == null) {
            return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), ticketId, null, null,
                    task.getAssignee(), candidates, created, actionable, fields, null, null, null, null, null, null, null);
        }
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), ticketId, ticket.number(),
                ticket.title(), task.getAssignee(), candidates, created, actionable, fields, ticket.siteName(),
                ticket.siteAddress(), ticket.level(), levelName(ticket), ticket.nextDeadline(),
                ticket.status() == null ? null : ticket.status().name(),
                ticket.level() == null || ticket.policyId() == null ? null : policies.code(ticket.policyId()));
    }

    private String levelName(TicketHeadline ticket) {
        if (ticket.level() == null || ticket.policyId() == null) {
            return null;
        }
        return policies.definition(ticket.policyId()).level(ticket.level()).map(PolicyDefinition.LevelSpec::name)
                .orElse(null);
    }
}
