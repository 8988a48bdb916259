package com.aftercare.workflow.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aftercare.warranty.AssessWarranty;
import com.aftercare.warranty.InstallReplacement;
import com.aftercare.warranty.ProposeReplacement;
import com.aftercare.warranty.RecordAnswer;

/**
 * The service tasks of the warranty steps (WA-1, RR-5, RR-6, FW-5) in fault-intake.bpmn and dispatch.bpmn. The bean
 * names are the models' delegate expressions.
 */
@Configuration
class WarrantySteps {

    /**
     * assessWarrantyAtIntake, assessWarranty: the repeat-repair flag and the free reason; in dispatch also quoteOwed
     * (charged, or parts to be used: the owner approves them, FW-5) and replacementOwed (2+ failures within a month).
     */
    @Bean
    JavaDelegate assessWarrantyDelegate(AssessWarranty assessWarranty) {
        return execution -> {
            if (!(execution.getVariable("ticketId") instanceof Number id)) {
                execution.setVariable("quoteOwed", false);
                execution.setVariable("replacementOwed", false);
                return;
            }
            AssessWarranty.Assessment assessment = assessWarranty.assess(id.longValue());
            boolean partsNeeded = Boolean.TRUE.equals(execution.getVariable("partsNeeded"));
            execution.setVariable("quoteOwed", assessment.charged() || partsNeeded);
            execution.setVariable("replacementOwed", assessment.replacementOwed());
            if (assessment.replacementOwed()) {
                execution.setVariable("replacementCause", "REPEATED_FAILURE");
            }
        };
    }

    /** markUnrepairable: the vendor sent the device back unrepaired (repair-return.bpmn's vendorOutcome). */
    @Bean
    JavaDelegate markUnrepairableDelegate() {
        return execution -> execution.setVariable("replacementCause", "UNREPAIRABLE");
    }

    /** recordQuoteAnswer: after "approveQuote". */
    @Bean
    JavaDelegate quoteAnswerDelegate(RecordAnswer recordAnswer) {
        return execution -> {
            if (execution.getVariable("ticketId") instanceof Number id) {
                recordAnswer.quote(id.longValue(), Boolean.TRUE.equals(execution.getVariable("quoteApproved")),
                        text(execution, "quoteReason"), user(execution));
            }
        };
    }

    /** recordReplacementProposal: after "proposeReplacement". */
    @Bean
    JavaDelegate replacementProposalDelegate(ProposeReplacement proposeReplacement) {
        return execution -> {
            if (execution.getVariable("ticketId") instanceof Number id) {
                proposeReplacement.propose(id.longValue(), text(execution, "replacementCause"),
                        text(execution, "replacementModel"), text(execution, "replacementNote"));
            }
        };
    }

    /** recordReplacementAnswer: after "approveReplacement". */
    @Bean
    JavaDelegate replacementAnswerDelegate(RecordAnswer recordAnswer) {
        return execution -> {
            if (execution.getVariable("ticketId") instanceof Number id) {
                recordAnswer.replacement(id.longValue(), Boolean.TRUE.equals(execution.getVariable("replacementApproved")),
                        text(execution, "replacementReason"), user(execution));
            }
        };
    }

    /** recordInstallation: after "installReplacement": the new device in the asset list, the old one out of it. */
    @Bean
    JavaDelegate installationDelegate(InstallReplacement installReplacement) {
        return execution -> {
            if (execution.getVariable("ticketId") instanceof Number id) {
                installReplacement.install(id.longValue(), text(execution, "newSerialNumber"),
                        text(execution, "newDeviceName"), text(execution, "newIpAddress"));
            }
        };
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String s && !s.isBlank() ? s : null;
    }

    private static String user(DelegateExecution execution) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
