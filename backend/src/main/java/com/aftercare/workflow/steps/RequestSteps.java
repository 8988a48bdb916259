package com.aftercare.workflow.steps;

import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.request.AssignComplaintOwner;
import com.aftercare.request.EscalateLateRequest;
import com.aftercare.request.ReplyToComplainant;
import com.aftercare.request.StartRequestClock;

/**
 * The service tasks of the request models (consultation.bpmn, complaint.bpmn, service-request.bpmn; issue 15,
 * ADR 0037): thin adapters onto the request feature's use cases.
 */
@Configuration
class RequestSteps {

    private static String text(org.camunda.bpm.engine.delegate.DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? null : value.toString();
    }

    /** startRequestClock: the type's own clock starts now; its due time is what the step's timer waits for. */
    @Bean
    JavaDelegate startRequestClockDelegate(StartRequestClock startRequestClock) {
        return execution -> execution.setVariable("requestDue",
                Date.from(startRequestClock.start(TicketSteps.ticketId(execution))));
    }

    /** recordComplaintOwner: the owner named on the form holds the complaint (and its reply task). */
    @Bean
    JavaDelegate assignComplaintOwnerDelegate(AssignComplaintOwner assignComplaintOwner) {
        return execution -> assignComplaintOwner.assign(TicketSteps.ticketId(execution), text(execution, "complaintOwner"));
    }

    /** sendComplaintReply: the owner's reply goes to the complainant. */
    @Bean
    JavaDelegate replyToComplainantDelegate(ReplyToComplainant replyToComplainant) {
        return execution -> replyToComplainant.reply(TicketSteps.ticketId(execution), text(execution, "complaintOwner"),
                text(execution, "complaintReply"));
    }

    /** escalateLateComplaint, escalateLateConsultation, escalateLateServiceRequest: the step's clock ran out. */
    @Bean
    JavaDelegate escalateLateRequestDelegate(EscalateLateRequest escalateLateRequest) {
        return execution -> escalateLateRequest.escalate(TicketSteps.ticketId(execution));
    }
}
