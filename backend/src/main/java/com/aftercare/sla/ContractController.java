package com.aftercare.sla;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.NotFoundException;

/** Service contracts per customer: policy, calendar, named escalation contacts, notification channels. */
@RestController
class ContractController {

    private final ContractBook contracts;
    private final SaveContract saveContract;

    ContractController(ContractBook contracts, SaveContract saveContract) {
        this.contracts = contracts;
        this.saveContract = saveContract;
    }

    /**
     * The webhook URLs (their key is the robot's password) and the DingTalk secret are write-only:
     * shown as set or not, never echoed back.
     */
    record ContractView(Long id, Long customerId, String name, String policyCode, CalendarKind calendar, String zone,
            String deskLead, String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail,
            boolean wecomWebhookSet, boolean dingtalkWebhookSet, boolean dingtalkSecretSet, String webhookAllowList,
            List<ContractSettings.Window> workingHours, ContractLanguage language, List<String> planLevels,
            java.math.BigDecimal surveySamplePercent) {

        static ContractView of(ServiceContract c) {
            return new ContractView(c.getId(), c.getCustomerId(), c.getName(), c.getPolicyCode(), c.getCalendar(), c.getZone(),
                    c.getDeskLead(), c.getProjectManager(), c.getSeniorEngineer(), c.getDepartmentHead(), c.isNotifyEmail(),
                    c.getWecomWebhookUrl() != null, c.getDingtalkWebhookUrl() != null, c.getDingtalkSecret() != null,
                    c.getWebhookAllowList(), hours(c.terms()), c.getLanguage(), c.planLevels().stream().sorted().toList(),
                    c.getSurveySamplePercent().stripTrailingZeros());
        }

        /** The office hours in force (the default ones when none were set), as the client sends them. */
        private static List<ContractSettings.Window> hours(ContractTerms terms) {
            return terms.workingHours().stream().map(w -> new ContractSettings.Window(w.from().toString(),
                    w.endsAtMidnight() ? "24:00" : w.to().toString())).toList();
        }
    }

    @GetMapping("/api/contracts")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    List<ContractView> contracts() {
        return contracts.contracts().stream().map(ContractView::of).toList();
    }

    @GetMapping("/api/contracts/{customerId}")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    ContractView contract(@PathVariable Long customerId) {
        return contracts.contractOfCustomer(customerId).map(ContractView::of)
                .orElseThrow(() -> new NotFoundException("Customer " + customerId + " has no service contract"));
    }

    @PutMapping("/api/contracts/{customerId}")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    ContractView save(@PathVariable Long customerId, @RequestBody ContractSettings settings) {
        return ContractView.of(saveContract.save(customerId, settings));
    }
}
