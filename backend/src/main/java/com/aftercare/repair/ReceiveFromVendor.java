package com.aftercare.repair;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The device is back from the vendor (repair-return.bpmn "receiveFromVendor"): the vendor's report and the outcome
 * (REPAIRED or UNREPAIRABLE, the process variable {@code vendorOutcome} dispatch.bpmn branches on) close the slip;
 * the vendor's deadline (the VENDOR_RETURN clock, met or missed) and the progress reports stop with it.
 */
@Service
public class ReceiveFromVendor {

    private final RepairSlips slips;
    private final CaseTimeline timeline;
    private final RecordMilestone milestones;
    private final Clock clock;

    ReceiveFromVendor(RepairSlips slips, CaseTimeline timeline, RecordMilestone milestones, Clock clock) {
        this.slips = slips;
        this.timeline = timeline;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Transactional
    public void receive(long ticketId, String outcome, String vendorReport, String receivedBy) {
        RepairOutcome result;
        if ("REPAIRED".equals(outcome)) {
            result = RepairOutcome.REPAIRED;
        } else if ("UNREPAIRABLE".equals(outcome)) {
            result = RepairOutcome.UNREPAIRABLE;
        } else {
            throw new BadRequestException("vendorOutcome", "must be REPAIRED or UNREPAIRABLE");
        }
        if (vendorReport != null && vendorReport.strip().length() > 4000) {
            throw new BadRequestException("vendorReport", "at most 4000 characters");
        }
        RepairSlip slip = slips.current(ticketId);
        if (!slip.away()) {
            return; // already received (a retried completion)
        }
        slip.returned(result, vendorReport == null ? null : vendorReport.strip(), receivedBy, clock.instant());
        milestones.record(ticketId, MilestoneKind.VENDOR_RETURNED, clock.instant(),
                "repair slip " + slip.getSlipNumber() + " back: " + result.name().toLowerCase());
        timeline.record(ticketId, new CaseEvent.BackFromVendor(slip.getVendorName(), slip.getSlipNumber(), result.name(),
                clock.instant().isAfter(slip.getExpectedReturnAt())));
    }
}
