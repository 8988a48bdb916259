package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.stock.WarnOfStaleStock;

/**
 * The service task of stale-stock-warning.bpmn (FW-6): the month-end written warning about stale spare parts. The bean
 * name is the model's delegate expression; staleBatches (how many batches the warning written now lists, 0 when none was
 * due or it existed) is left on the instance for the history.
 */
@Configuration
class StaleStockWarningSteps {

    @Bean
    JavaDelegate staleStockWarningDelegate(WarnOfStaleStock warn) {
        return execution -> {
            WarnOfStaleStock.Outcome outcome = warn.onSchedule();
            execution.setVariable("staleBatches", outcome == null || !outcome.written() ? 0 : outcome.batches());
        };
    }
}
