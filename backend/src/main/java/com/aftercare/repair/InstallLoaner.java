package com.aftercare.repair;

import java.util.Map;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A loaner from the pool is installed on site while the case's device is at the vendor (RR-4). The unit is taken
 * under a row lock, so two people taking the same unit get one success and one 409. With the loaner working the
 * service counts as restored: the RESOLVED milestone the restore (RESOLUTION) clock stops on is recorded.
 */
@Service
public class InstallLoaner {

    private final FindTicket tickets;
    private final RepairSlips slips;
    private final LoanerUnitRepository units;
    private final RecordMilestone milestones;
    private final CaseTimeline timeline;
    private final Clock clock;

    InstallLoaner(FindTicket tickets, RepairSlips slips, LoanerUnitRepository units, RecordMilestone milestones,
            CaseTimeline timeline, Clock clock) {
        this.tickets = tickets;
        this.slips = slips;
        this.units = units;
        this.milestones = milestones;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public LoanerView install(long ticketId, Long loanerId) {
        if (loanerId == null) {
            throw new BadRequestException("loanerId", "is required");
        }
        tickets.get(ticketId);
        RepairSlip slip = slips.current(ticketId);
        if (!slip.away()) {
            throw ConflictException.of("deviceBackNoLoaner");
        }
        if (slip.loanerOnSite()) {
            throw ConflictException.of("loanerAlreadyInstalled");
        }
        LoanerUnit unit = units.lockById(loanerId)
                .orElseThrow(() -> new BadRequestException("loanerId", "no loaner unit " + loanerId));
        if (unit.getStatus() != LoanerUnit.Status.AVAILABLE) {
            throw ConflictException.of("loanerOnLoan", Map.of("serial", unit.getSerial()));
        }
        unit.lendTo(ticketId);
        slip.loanerInstalled(unit.getId(), clock.instant());
        milestones.record(ticketId, MilestoneKind.RESOLVED, "Service restored with loaner " + unit.getModel() + " "
                + unit.getSerial());
        timeline.record(ticketId, new CaseEvent.LoanerInstalled(unit.getModel(), unit.getSerial()));
        return LoanerView.of(unit);
    }
}
