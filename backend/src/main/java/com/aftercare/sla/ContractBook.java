package com.aftercare.sla;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
    @PersistenceContext
    private EntityManager entityManager;
    /**
     * Per customer, the assignment built last and the keys it was built from (ADR 0065). Only a hint: every use reads
     * the current keys first, so a contract or policy changed on any node counts from the next report on.
     */
    private final ConcurrentMap<Long, Snapshot> assignments = new ConcurrentHashMap<>();

    /** The contract's id and version (null without one) and the policy version's id an assignment was built from. */
    record AssignmentKey(Long contractId, Long contractVersion, Long policyId) {
    }

    private record Snapshot(AssignmentKey key, Assignment assignment) {
    }

    /**
     * What a new ticket of the customer would run under, as keys only: the contract's id and version (both null without
     * a contract) and the id of the current version of its policy (the default code without a contract). One row, or
     * none when that policy has no current version yet. Native SQL: the same statement in the JPQL form was translated
     * again on every call (a third of its cost in the profile); a native query still flushes pending changes first.
     */
    private static final String ASSIGNMENT_KEY = """
            select c.id, c.version, p.id from sla_policy p left join service_contract c on c.customer_id = :customer
            where p.current_version = true and p.code = coalesce(c.policy_code, :defaultCode)""";

    /** More customers than any installation has: past it the hints are dropped and built again as reports come in. */
    static final int MOST_REMEMBERED = 10_000;

    ContractBook(ServiceContractRepository contracts, PolicyCatalog policies, HolidayService holidays, SlaSettings settings,
            Clock clock) {
        this.contracts = contracts;
        this.policies = policies;
        this.holidays = holidays;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What a new ticket of this customer runs under: the contract's policy and terms, else the configured defaults.
     * <p>
     * One statement reads the keys the answer depends on (the contract's id and version, the current policy version's
     * id); when they are the ones the answer for this customer was last built from, that answer is returned as it is,
     * without loading the contract (its three encrypted webhook columns decrypted, the entity dirty-checked at every
     * flush of the report) and the policy. A saved contract has a new version, a changed policy a new version row, a
     * new or removed contract another id: each is a different key, on this node or any other, and the answer is built
     * again. The terms and policy version a ticket holds are values ({@link ContractTerms} is immutable).
     */
    @Transactional
    public Assignment assignmentFor(Long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(ASSIGNMENT_KEY)
                .setParameter("customer", customerId)
                .setParameter("defaultCode", settings.defaultPolicy())
                .getResultList();
        if (rows.size() == 1) {
            Object[] row = rows.get(0);
            AssignmentKey key = new AssignmentKey(asLong(row[0]), asLong(row[1]), asLong(row[2]));
            Snapshot last = assignments.get(customerId);
            if (last != null && last.key().equals(key)) {
                return last.assignment();
            }
        }
        Optional<ServiceContract> contract = contracts.findByCustomerId(customerId);
        String code = contract.map(ServiceContract::getPolicyCode).orElse(settings.defaultPolicy());
        PolicyVersion policy = policies.currentOrSeeded(code);
        Assignment assignment = new Assignment(contract.map(ServiceContract::getId).orElse(null), policy.id(), code,
                policy.definition().levelDecision(), contract.map(ServiceContract::terms).orElseGet(this::defaultTerms));
        // keyed by what was loaded, not by the read above: a save committed between the two cannot pair old keys with
        // new terms
        remember(customerId, new AssignmentKey(assignment.contractId(), contract.map(ServiceContract::getVersion).orElse(null),
                policy.id()), assignment);
        return assignment;
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }

    private void remember(Long customerId, AssignmentKey key, Assignment assignment) {
        if (assignments.size() >= MOST_REMEMBERED) {
            assignments.clear();
        }
        assignments.put(Objects.requireNonNull(customerId), new Snapshot(key, assignment));
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
