package com.aftercare.field;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ClockName;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * What the customer's contract owes on site for this ticket (dispatch.bpmn "readFieldTerms"): whether a recovery
 * plan is owed and reviewed by the customer (the contract's plan levels, FW-4), and the time within which the
 * diagnosis report is due (FW-3): the level's FAULT_REPORT clock target in the contract's SLA policy, or
 * {@link #DEFAULT_REPORT_DUE} when the policy names none for the level.
 */
@Service
public class ReadFieldTerms {

    /**
     * 24 hours: the seed contracts' "故障解决后24小时内，提交故障处理报告" and every shipped policy's FAULT_REPORT target.
     * A clock given in working days counts as that many natural days here (a reminder, not an SLA clock).
     */
    public static final Duration DEFAULT_REPORT_DUE = Duration.ofHours(24);

    private final FindTicket tickets;
    private final ContractBook contracts;
    private final PolicyCatalog policies;

    ReadFieldTerms(FindTicket tickets, ContractBook contracts, PolicyCatalog policies) {
        this.tickets = tickets;
        this.contracts = contracts;
        this.policies = policies;
    }

    public record FieldTerms(boolean planOwed, Duration reportDue) {
    }

    @Transactional(readOnly = true)
    public FieldTerms of(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        Optional<ServiceContract> contract = contracts.contract(ticket.getContractId());
        boolean planOwed = ticket.getLevel() != null
                && contract.map(c -> c.planLevels().contains(ticket.getLevel())).orElse(false);
        return new FieldTerms(planOwed, reportDue(ticket));
    }

    private Duration reportDue(Ticket ticket) {
        if (ticket.getPolicyId() == null || ticket.getLevel() == null) {
            return DEFAULT_REPORT_DUE;
        }
        PolicyDefinition policy = policies.definition(ticket.getPolicyId());
        return policy.level(ticket.getLevel()).stream().flatMap(l -> l.clocks().stream())
                .filter(c -> c.clock() == ClockName.FAULT_REPORT)
                .map(c -> c.target() != null ? c.target() : c.workingDays() != null ? Duration.ofDays(c.workingDays()) : null)
                .filter(d -> d != null && !d.isZero() && !d.isNegative())
                .findFirst().orElse(DEFAULT_REPORT_DUE);
    }
}
