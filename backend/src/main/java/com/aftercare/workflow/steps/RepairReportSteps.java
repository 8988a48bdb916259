package com.aftercare.workflow.steps;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.report.ProduceRepairReports;
import com.aftercare.report.ReportKind;

/**
 * The service tasks of repair-reports.bpmn (RR-7): the monthly repair summary, and in the first month of a quarter
 * the quarterly repair list with costs, made on the first working day. The bean names are the model's delegate expressions;
 * producedReports (how many new files) is left on the instance for the history.
 */
@Configuration
class RepairReportSteps {

    /** makeMonthlySummaries: last month's summary for every customer; quarterBegins for the quarter gateway. */
    @Bean
    JavaDelegate monthlyRepairSummaryDelegate(ProduceRepairReports produce, Clock clock) {
        return execution -> {
            ProduceRepairReports.Produced produced = produce.onWorkingDay(ReportKind.MONTHLY);
            execution.setVariable("producedReports", produced == null ? 0 : produced.made());
            execution.setVariable("quarterBegins", (LocalDate.now(clock).getMonthValue() - 1) % 3 == 0);
        };
    }

    /** makeQuarterlyLists: last quarter's repair list with costs for every customer. */
    @Bean
    JavaDelegate quarterlyRepairListDelegate(ProduceRepairReports produce) {
        return execution -> {
            ProduceRepairReports.Produced produced = produce.onWorkingDay(ReportKind.QUARTERLY);
            execution.setVariable("producedReports", produced == null ? 0 : produced.made());
        };
    }
}
