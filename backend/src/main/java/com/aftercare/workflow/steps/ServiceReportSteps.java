package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.servicereport.ProduceServiceReports;

/**
 * The service task of service-reports.bpmn (RP-1): record the reports owed, escalate the late ones, make and mail the
 * rest. The counts are left on the instance for the history.
 */
@Configuration
class ServiceReportSteps {

    @Bean
    JavaDelegate serviceReportsDelegate(ProduceServiceReports produce) {
        return execution -> {
            ProduceServiceReports.Produced produced = produce.run();
            execution.setVariable("reportsOwed", produced.owed());
            execution.setVariable("reportsEscalated", produced.escalated());
            execution.setVariable("reportsMade", produced.made());
        };
    }
}
