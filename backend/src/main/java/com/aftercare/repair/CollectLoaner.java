package com.aftercare.repair;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The case's own device is back and re-installed: the loaner is collected and returns to the pool (RR-4). */
@Service
public class CollectLoaner {

    private final RepairSlips slips;
    private final LoanerUnitRepository units;
    private final CaseTimeline timeline;
    private final Clock clock;

    CollectLoaner(RepairSlips slips, LoanerUnitRepository units, CaseTimeline timeline, Clock clock) {
        this.slips = slips;
        this.units = units;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public LoanerView collect(long ticketId) {
        RepairSlip slip = slips.current(ticketId);
        if (!slip.loanerOnSite()) {
            throw ConflictException.of("noLoanerInstalled");
        }
        if (slip.away()) {
            throw ConflictException.of("deviceStillAtVendor");
        }
        LoanerUnit unit = units.lockById(slip.getLoanerId()).orElseThrow();
        unit.giveBack();
        slip.loanerCollected(clock.instant());
        timeline.record(ticketId, new CaseEvent.LoanerCollected(unit.getModel(), unit.getSerial()));
        return LoanerView.of(unit);
    }
}
