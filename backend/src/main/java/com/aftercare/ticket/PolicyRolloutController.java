package com.aftercare.ticket;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.PolicyVersion;

/**
 * A changed SLA policy applies to new tickets; this moves the open ones onto it when a process owner
 * asks. Lives in the ticket feature because it changes tickets.
 */
@RestController
class PolicyRolloutController {

    private final SearchTickets search;
    private final MovePolicyVersion movePolicyVersion;
    private final PolicyCatalog policyCatalog;

    PolicyRolloutController(SearchTickets search, MovePolicyVersion movePolicyVersion, PolicyCatalog policyCatalog) {
        this.search = search;
        this.movePolicyVersion = movePolicyVersion;
        this.policyCatalog = policyCatalog;
    }

    @PostMapping("/api/sla/policies/{code}/apply-to-open")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    Map<String, Object> applyToOpenTickets(@PathVariable String code) {
        PolicyVersion current = policyCatalog.currentPolicy(code);
        List<Long> older = policyCatalog.history(code).stream().filter(v -> !v.current()).map(PolicyVersion::id).toList();
        int moved = 0;
        int skipped = 0;
        for (Long ticketId : older.isEmpty() ? List.<Long>of() : search.openTicketsOnPolicy(older)) {
            if (movePolicyVersion.move(ticketId, current.id(), code, current.version())) {
                moved++;
            } else {
                skipped++; // closed meanwhile, or its level no longer exists in the new version
            }
        }
        return Map.of("policy", code, "version", current.version(), "ticketsUpdated", moved, "ticketsSkipped", skipped);
    }
}
