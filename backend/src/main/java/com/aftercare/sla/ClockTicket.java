package com.aftercare.sla;

import com.aftercare.asset.Region;

/**
 * What the clock engine needs to know about a ticket besides its milestones.
 *
 * @param terms the contract terms the ticket holds; null for one that holds none (the configured default applies)
 */
public record ClockTicket(Long ticketId, Long policyId, Long contractId, String levelCode, Region region, boolean closed,
        ContractTerms terms) {
}
