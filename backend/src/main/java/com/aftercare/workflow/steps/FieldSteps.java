package com.aftercare.workflow.steps;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.field.NotifyReportOverdue;
import com.aftercare.field.ReadFieldTerms;

/**
 * The service tasks of dispatch.bpmn's field steps: read what the contract owes on site, and tell the engineer and
 * the desk when the diagnosis report's time has passed. The bean names are the model's delegate expressions.
 */
@Configuration
class FieldSteps {

    /** readFieldTerms: planOwed for the plan gateway, reportDue (ISO-8601 duration) for the report timer. */
    @Bean
    JavaDelegate fieldTermsDelegate(ReadFieldTerms readFieldTerms) {
        return execution -> {
            if (!(execution.getVariable("ticketId") instanceof Number id)) {
                // a dispatch started without a ticket (a model test in the workbench): no plan, the default report time
                execution.setVariable("planOwed", false);
                execution.setVariable("reportDue", ReadFieldTerms.DEFAULT_REPORT_DUE.toString());
                return;
            }
            ReadFieldTerms.FieldTerms terms = readFieldTerms.of(id.longValue());
            execution.setVariable("planOwed", terms.planOwed());
            execution.setVariable("reportDue", terms.reportDue().toString());
        };
    }

    /** notifyReportOverdue: the report timer on "Diagnosis report" fired. */
    @Bean
    JavaDelegate reportOverdueDelegate(NotifyReportOverdue notifyReportOverdue) {
        return execution -> {
            if (!(execution.getVariable("ticketId") instanceof Number id)) {
                return;
            }
            Object due = execution.getVariable("reportDue");
            notifyReportOverdue.notify(id.longValue(), execution.getVariable("engineer") instanceof String s ? s : null,
                    due == null ? null : Duration.parse(due.toString()));
        };
    }
}
