package com.aftercare.sla;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;

/**
 * The customers' service contracts as stored, and what a ticket runs under: the contract's terms, or
 * the configured defaults for a customer without one. Saving a contract is {@link SaveContract}.
 */
@Service
public class ContractBook {

    private final ServiceContractRepository contracts;
    private final PolicyCatalog policies;
    private final HolidayService holidays;
    private final SlaSettings settings;
    private final Clock clock;

    ContractBook(ServiceContractRepository contracts, PolicyCatalog policies, HolidayService holidays, SlaSettings settings,
            Clock clock) {
        this.contracts = contracts;
        this.policies = policies;
        this.holidays = holidays;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a new ticket of this customer runs under: the contract's policy and terms, else the configured defaults. */
    @Transactional
    public Assignment assignmentFor(Long customerId) {
        Optional<ServiceContract> contract = contracts.findByCustomerId(customerId);
        String code = contract.map(ServiceContract::getPolicyCode).orElse(settings.defaultPolicy());
        PolicyVersion policy = policies.currentOrSeeded(code);
        return new Assignment(contract.map(ServiceContract::getId).orElse(null), policy.id(), code,
                policy.definition().levelDecision(), contract.map(ServiceContract::terms).orElseGet(this::defaultTerms));
    }

    @Transactional(readOnly = true)
    public Optional<ServiceContract> contract(Long contractId) {
        return contractId == null ? Optional.empty() : contracts.findById(contractId);
    }

    @Transactional(readOnly = true)
    public Optional<ServiceContract> contractOfCustomer(Long customerId) {
        return contracts.findByCustomerId(customerId);
    }

    @Transactional(readOnly = true)
    public List<ServiceContract> contracts() {
        return contracts.findAll();
    }

    /** The working-time calendar a ticket's clocks run on, from the contract terms it holds. */
    public BusinessCalendar workingCalendar(ContractTerms terms) {
        return terms.workingCalendar(holidays.current());
    }

    /** What a ticket without a contract runs on: the configured calendar in the service zone, default hours. */
    public ContractTerms defaultTerms() {
        return new ContractTerms(settings.defaultCalendar(), clock.getZone(), null);
    }

    /**
     * The terms of a ticket that holds none (opened before tickets kept them, without a contract): the
     * configured default, as before.
     */
    public ContractTerms termsOrDefault(ContractTerms held) {
        return held != null ? held : defaultTerms();
    }
}
