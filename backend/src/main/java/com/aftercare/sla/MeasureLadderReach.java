package com.aftercare.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.calendar.WorkingWindow;

/**
 * How many working days after its clock's due time the last rung of any stored ladder may fall (ADR 0078): what an
 * imported holiday year must look back for, besides the due times themselves, to move every escalation it changes.
 * <p>
 * Read from every stored policy version (an open case keeps the version it was opened on), a few rows. A target in
 * whole working days overshoots by its share exactly; a target in working hours is turned into days with the shortest
 * working day of any contract (or the default hours), so a contract with short days cannot make the answer too small.
 * Natural-time clocks are left out: a holiday does not move them.
 */
@Service
public class MeasureLadderReach {

    private final SlaPolicyRepository policies;
    private final ServiceContractRepository contracts;
    private final PolicyCatalog catalog;

    MeasureLadderReach(SlaPolicyRepository policies, ServiceContractRepository contracts, PolicyCatalog catalog) {
        this.policies = policies;
        this.contracts = contracts;
        this.catalog = catalog;
    }

    /** Whole working days (rounded up) from a working-time clock's due time to its last rung; 0 when none lies after it. */
    @Transactional(readOnly = true)
    public int workingDaysAfterDue() {
        Duration shortestDay = dayLength(ContractTerms.DEFAULT_HOURS);
        for (ServiceContract c : contracts.findAll()) {
            if (c.getCalendar() == CalendarKind.FIVE_BY_8) {
                Duration day = dayLength(c.terms().workingHours());
                shortestDay = !day.isZero() && !day.isNegative() && day.compareTo(shortestDay) < 0 ? day : shortestDay;
            }
        }
        double days = 0;
        for (SlaPolicy p : policies.findAll()) {
            PolicyDefinition definition = catalog.definition(p.getId());
            int last = definition.escalation().stream().mapToInt(PolicyDefinition.EscalationStep::percent).max().orElse(0);
            if (last <= 100) {
                continue;
            }
            double share = (last - 100) / 100.0;
            List<PolicyDefinition.ClockSpec> clocks = new ArrayList<>(definition.commonClocks());
            definition.levels().forEach(l -> clocks.addAll(l.clocks()));
            for (PolicyDefinition.ClockSpec spec : clocks) {
                if (spec.basisOrDefault() != TimeBasis.WORKING) {
                    continue;
                }
                if (spec.workingDays() != null) {
                    days = Math.max(days, spec.workingDays() * share);
                    continue;
                }
                List<Duration> targets = new ArrayList<>();
                targets.add(spec.target());
                if (spec.regionTargets() != null) {
                    targets.addAll(spec.regionTargets().values());
                }
                for (Duration target : targets) {
                    if (target != null) {
                        days = Math.max(days, target.toMillis() * share / shortestDay.toMillis());
                    }
                }
            }
        }
        return (int) Math.ceil(days);
    }

    private static Duration dayLength(List<WorkingWindow> windows) {
        return windows.stream().map(WorkingWindow::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
