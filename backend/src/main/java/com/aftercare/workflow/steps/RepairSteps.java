package com.aftercare.workflow.steps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.repair.ReceiveFromVendor;
import com.aftercare.repair.RemindProgressReport;
import com.aftercare.repair.SendProgressReport;
import com.aftercare.repair.ShipToVendor;

/**
 * The service tasks of repair-return.bpmn (RR-1..RR-3): write the repair slip and the dates the process waits for
 * (the vendor's deadline is a clock the escalation process watches, ADR 0027), remind the engineer of a progress report and send it, close the slip when the device is
 * back. The bean names are the model's delegate expressions. Dates are handed to the timers as java.util.Date.
 */
@Configuration
class RepairSteps {

    /** When the progress report now open fell due; null while every report so far is written (RR-3: one at a time). */
    private static final String OPEN_REPORT_SINCE = "progressReportOpenSince";

    /** recordRepairSlip: vendorReturnDue (kept for the model's readers), progressReportDue for the first report. */
    @Bean
    JavaDelegate repairSlipDelegate(ShipToVendor shipToVendor, Clock clock) {
        return execution -> {
            Long id = ticketId(execution);
            if (id == null) {
                // a model test without a ticket: the default five days and three days of plain time
                Instant now = clock.instant();
                execution.setVariable("vendorReturnDue", Date.from(now.plus(Duration.ofDays(5))));
                execution.setVariable("progressReportDue", Date.from(now.plus(Duration.ofDays(3))));
                execution.setVariable(OPEN_REPORT_SINCE, null);
                return;
            }
            ShipToVendor.Shipped shipped = shipToVendor.ship(id, text(execution, "vendorName"),
                    text(execution, "repairSlipNumber"), text(execution, "fault"), text(execution, "shippingNote"),
                    user(execution));
            execution.setVariable("repairSlipId", shipped.slipId());
            execution.setVariable("vendorReturnDue", Date.from(shipped.returnDue()));
            execution.setVariable("progressReportDue", Date.from(shipped.firstProgressDue()));
            // created here, on the process instance, so the report loop's branches update the one variable
            execution.setVariable(OPEN_REPORT_SINCE, null);
        };
    }

    /**
     * remindProgressReport: a report is due; the next one three working days on. progressReportLate tells the model's
     * gateway not to open a second task while the last report is unwritten (it is chased instead).
     */
    @Bean
    JavaDelegate progressDueDelegate(RemindProgressReport remindProgressReport, Clock clock) {
        return execution -> {
            Long id = ticketId(execution);
            Date openSince = execution.getVariable(OPEN_REPORT_SINCE) instanceof Date d ? d : null;
            if (id == null) {
                execution.setVariable("progressReportDue", Date.from(clock.instant().plus(Duration.ofDays(3))));
                execution.setVariable("progressReportLate", openSince != null);
                if (openSince == null) {
                    execution.setVariable(OPEN_REPORT_SINCE, Date.from(clock.instant()));
                }
                return;
            }
            RemindProgressReport.Reminder reminder = remindProgressReport.remind(id, text(execution, "engineer"),
                    openSince == null ? null : openSince.toInstant());
            execution.setVariable("progressReportDue", Date.from(reminder.nextDue()));
            execution.setVariable("progressReportLate", reminder.late());
            if (!reminder.late()) {
                execution.setVariable(OPEN_REPORT_SINCE, Date.from(clock.instant()));
            }
        };
    }

    /** sendProgressReport: the written report goes to the customer and onto the timeline. */
    @Bean
    JavaDelegate progressReportDelegate(SendProgressReport sendProgressReport) {
        return execution -> {
            Long id = ticketId(execution);
            if (id != null) {
                sendProgressReport.send(id, text(execution, "progressReport"), user(execution));
            }
            execution.setVariable(OPEN_REPORT_SINCE, null);
        };
    }

    /** recordVendorReturn: the slip is closed with the vendor's report and outcome. */
    @Bean
    JavaDelegate vendorReturnDelegate(ReceiveFromVendor receiveFromVendor) {
        return execution -> {
            Long id = ticketId(execution);
            if (id != null) {
                receiveFromVendor.receive(id, text(execution, "vendorOutcome"), text(execution, "vendorReport"), user(execution));
            }
        };
    }

    private static Long ticketId(DelegateExecution execution) {
        return execution.getVariable("ticketId") instanceof Number n ? n.longValue() : null;
    }

    private static String text(DelegateExecution execution, String name) {
        Object v = execution.getVariable(name);
        return v == null ? null : v.toString();
    }

    private static String user(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
