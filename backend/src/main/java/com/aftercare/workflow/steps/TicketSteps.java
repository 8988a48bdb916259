package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.ticket.ApplyLevel;
import com.aftercare.ticket.CloseCase;
import com.aftercare.ticket.FinishFirstLine;
import com.aftercare.ticket.RecordDecline;
import com.aftercare.ticket.RecordDeskResolution;
import com.aftercare.ticket.RecordResolution;
import com.aftercare.ticket.RecordResponse;
import com.aftercare.ticket.ReopenCase;
import com.aftercare.ticket.ResolutionWay;
import com.aftercare.ticket.StartFirstLine;

/**
 * The service tasks of the ticket models (fault-intake.bpmn, dispatch.bpmn). Each is a thin adapter:
 * read the process variables, call one use case of the ticket feature, hand small results back as
 * variables. The bean names are the models' delegate expressions.
 */
@Configuration
class TicketSteps {

    static Long ticketId(DelegateExecution execution) {
        Object id = execution.getVariable("ticketId");
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no ticketId");
        }
        return n.longValue();
    }

    private static String text(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : value.toString();
    }

    /** applyLevelAndDeadlines: store the level the contract's decision table chose; the clocks follow from it. */
    @Bean
    JavaDelegate applyLevelDelegate(ApplyLevel applyLevel) {
        return execution -> applyLevel.apply(ticketId(execution), text(execution, "level"));
    }

    /**
     * firstLineResolution, on create: the desk has the case; IN-4's remote-guidance clock starts. A task listener,
     * not a step of its own: the clock times exactly this task, from its creation to its completion.
     */
    @Bean
    TaskListener firstLineStartedListener(StartFirstLine startFirstLine) {
        // the execution's variable: asking the task first reads the task's local variables, a query for a task
        // created a moment ago that has none (ADR 0062)
        return task -> startFirstLine.start(ticketIdOf(task.getExecution().getVariable("ticketId"), task.getProcessInstanceId()));
    }

    /**
     * firstLineResolution, on complete: first line is finished (solved at the desk or handed on); the clock stops.
     * On complete only: a case closed as a duplicate while at the desk ends the task without completing it, and its
     * closure stops the clock instead.
     */
    @Bean
    TaskListener firstLineFinishedListener(FinishFirstLine finishFirstLine) {
        return task -> finishFirstLine.finish(ticketIdOf(task.getVariable("ticketId"), task.getProcessInstanceId()),
                Boolean.TRUE.equals(task.getVariable("solvedAtDesk")));
    }

    private static Long ticketIdOf(Object id, String processInstanceId) {
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("Process " + processInstanceId + " has no ticketId");
        }
        return n.longValue();
    }

    /** recordDecline: the engineer cannot take the job; the desk now owes a re-dispatch (IN-7). */
    @Bean
    JavaDelegate recordDeclineDelegate(RecordDecline recordDecline) {
        return execution -> recordDecline.record(ticketId(execution), text(execution, "engineer"),
                text(execution, "declineReason"));
    }

    /** recordDeskResolution: a consultation answered at first line is both responded to and resolved. */
    @Bean
    JavaDelegate recordDeskResolutionDelegate(RecordDeskResolution recordDeskResolution) {
        return execution -> recordDeskResolution.record(ticketId(execution));
    }

    /**
     * recordResponse: the engineer accepted; work is ready to start (SLA "response"). A job offered
     * to all engineers now belongs to the one who took it, so the next steps go to them.
     */
    @Bean
    JavaDelegate recordResponseDelegate(RecordResponse recordResponse) {
        return execution -> {
            String engineer = recordResponse.record(ticketId(execution)).getAssignee();
            if (engineer != null) {
                execution.setVariable("engineer", engineer);
            }
        };
    }

    /** recordResolution: the device probe passed after the fix. */
    @Bean
    JavaDelegate recordResolutionDelegate(RecordResolution recordResolution) {
        return execution -> recordResolution.record(ticketId(execution), ResolutionWay.ON_SITE);
    }

    /** reopenCase: the customer says it is not fixed; the resolution clock resumes (and escalates at once if overdue). */
    @Bean
    JavaDelegate reopenCaseDelegate(ReopenCase reopenCase) {
        return execution -> {
            reopenCase.reopen(ticketId(execution));
            // cases started on fault-intake version 1 still route on this variable; the escalation process decides now
            execution.setVariable("resolutionOverdue", false);
        };
    }

    /** closeTicket: the customer confirmed the fix; the model's close step is the only way a case closes. */
    @Bean
    JavaDelegate closeTicketDelegate(CloseCase closeCase) {
        return execution -> closeCase.close(ticketId(execution));
    }
}
