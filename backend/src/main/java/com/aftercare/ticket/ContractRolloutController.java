package com.aftercare.ticket;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A changed contract applies to new tickets; this moves the customer's open ones onto its terms when a
 * process owner asks (dryRun=true only counts them). Lives in the ticket feature because it changes tickets.
 */
@RestController
class ContractRolloutController {

    private final ApplyContractToOpenTickets apply;

    ContractRolloutController(ApplyContractToOpenTickets apply) {
        this.apply = apply;
    }

    @PostMapping("/api/contracts/{customerId}/apply-to-open")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    ApplyContractToOpenTickets.Result applyToOpenTickets(@PathVariable Long customerId,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return apply.apply(customerId, dryRun);
    }
}
