package com.aftercare.workflow.steps;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.escalation.DeEscalateStoppedClocks;
import com.aftercare.sla.CaseOpening;
import com.aftercare.sla.Milestone;
import com.aftercare.escalation.EscalateDueClocks;
import com.aftercare.escalation.EvaluateClocks;
import com.aftercare.escalation.RemindEngineer;

/**
 * The service tasks of escalation.bpmn (and dispatch.bpmn's reminder) as the engine sees them: each reads
 * the ticket id, calls one use case and hands the model the variables its gateways and timers read. The
 * bean names are the models' delegate expressions.
 */
@Configuration
class EscalationDelegates {

    /** evaluateClocks: the gateway reads clocksOutcome, the "next rung due" timer nextEscalationAt. */
    @Bean
    JavaDelegate evaluateClocksDelegate(EvaluateClocks evaluateClocks) {
        return execution -> {
            long ticketId = ticketId(execution);
            // still unwatched: the first evaluation of a case this transaction is opening, whose ticket it inserted
            // (nothing of its clocks stored yet, ADR 0062)
            // from here on the case's clocks are watched: a change must wake this process (ClockSignals, ADR 0053);
            // while it was not, every milestone it has was recorded by this transaction and comes back here (ADR 0074)
            List<Milestone> opening = CaseOpening.watched(ticketId);
            EvaluateClocks.Result result = opening != null ? evaluateClocks.evaluateOpening(ticketId, opening)
                    : evaluateClocks.evaluate(ticketId, false);
            execution.setVariable("clocksOutcome", result.outcome().name());
            execution.setVariable("nextEscalationAt",
                    result.nextEscalationAt() == null ? null : Date.from(result.nextEscalationAt()));
        };
    }

    @Bean
    JavaDelegate escalateClocksDelegate(EscalateDueClocks escalateDueClocks) {
        return execution -> escalateDueClocks.escalate(ticketId(execution));
    }

    @Bean
    JavaDelegate deEscalateClocksDelegate(DeEscalateStoppedClocks deEscalateStoppedClocks) {
        return execution -> deEscalateStoppedClocks.deEscalate(ticketId(execution));
    }

    /** remindEngineer (dispatch.bpmn): "engineer" is who the job was given to, absent when offered to all. */
    @Bean
    JavaDelegate remindEngineerDelegate(RemindEngineer remindEngineer) {
        return execution -> {
            if (!(execution.getVariable("ticketId") instanceof Number id)) {
                return; // a dispatch started without a ticket (a model test in the workbench) has nobody to remind
            }
            remindEngineer.remind(id.longValue(), execution.getVariable("engineer") instanceof String s ? s : null);
        };
    }

    private static long ticketId(DelegateExecution execution) {
        if (!(execution.getVariable("ticketId") instanceof Number id)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no ticketId");
        }
        return id.longValue();
    }
}
