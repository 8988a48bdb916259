package com.aftercare.modeling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Which model versions a ticket's case runs on, where it stands and which timers are pending: what a
 * process owner needs before and after a roll-out or migration.
 */
@RestController
@Tag(name = "Models")
class CaseWorkflowController {

    record TimerView(String jobId, String activityId, Instant dueAt) {
    }

    record InstanceView(String processInstanceId, String processKey, int version, String definitionId,
            List<String> activeActivities, List<TimerView> timers) {
    }

    private final FindTicket tickets;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;

    CaseWorkflowController(FindTicket tickets, RuntimeService runtime, RepositoryService repository,
            ManagementService management) {
        this.tickets = tickets;
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
    }

    @GetMapping("/api/tickets/{id}/workflow")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    @Operation(summary = "The process instances of a ticket's case: version, active steps, pending timers")
    Map<String, Object> workflow(@PathVariable Long id) {
        Ticket ticket = tickets.get(id);
        List<InstanceView> instances = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(ticket.getNumber())
                .orderByProcessInstanceId().asc().list()) {
            ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
            List<TimerView> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                    .map(job -> new TimerView(job.getId(), activityOf(job.getJobDefinitionId()),
                            job.getDuedate() == null ? null : job.getDuedate().toInstant()))
                    .toList();
            instances.add(new InstanceView(instance.getId(), definition.getKey(), definition.getVersion(), definition.getId(),
                    runtime.getActiveActivityIds(instance.getId()), timers));
        }
        return Map.of("ticketId", ticket.getId(), "ticketNo", ticket.getNumber(), "instances", instances);
    }

    private String activityOf(String jobDefinitionId) {
        JobDefinition definition = jobDefinitionId == null ? null
                : management.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId).singleResult();
        return definition == null ? null : definition.getActivityId();
    }
}
