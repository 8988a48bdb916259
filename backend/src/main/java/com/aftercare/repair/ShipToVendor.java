package com.aftercare.repair;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.common.BadRequestException;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * The engineer ships the device to the vendor (repair-return.bpmn "shipToVendor", RR-1): the repair slip is
 * written with the case's device, the fault, the vendor, the slip number and the date the vendor owes it back
 * under the contract's rule (RR-2); the first progress report is due three working days later (RR-3). The deadline
 * starts the case's VENDOR_RETURN clock, so the escalation process watches it like every other clock (ADR 0027).
 */
@Service
public class ShipToVendor {

    /** What the process waits for: the vendor's deadline and the first progress report. */
    public record Shipped(long slipId, Instant returnDue, Instant firstProgressDue) {
    }

    private final FindTicket tickets;
    private final RepairSlipRepository slips;
    private final RepairTermsRepository terms;
    private final RepairCalendar calendar;
    private final CaseTimeline timeline;
    private final RecordMilestone milestones;
    private final Clock clock;

    ShipToVendor(FindTicket tickets, RepairSlipRepository slips, RepairTermsRepository terms, RepairCalendar calendar,
            CaseTimeline timeline, RecordMilestone milestones, Clock clock) {
        this.tickets = tickets;
        this.slips = slips;
        this.terms = terms;
        this.calendar = calendar;
        this.timeline = timeline;
        this.milestones = milestones;
        this.clock = clock;
    }

    @Transactional
    public Shipped ship(long ticketId, String vendorName, String slipNumber, String fault, String note, String sentBy) {
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        check(errors, "vendorName", vendorName, true, 200);
        check(errors, "repairSlipNumber", slipNumber, true, 100);
        check(errors, "fault", fault, false, 2000);
        check(errors, "shippingNote", note, false, 1000);
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        Ticket ticket = tickets.get(ticketId);
        Instant now = clock.instant();
        ZoneId zone = calendar.zoneOf(ticket);
        ReturnRule rule = ticket.getContractId() == null ? ReturnRule.FIVE_WORKING_DAYS
                : terms.findById(ticket.getContractId()).map(RepairTerms::getVendorReturnRule).orElse(ReturnRule.FIVE_WORKING_DAYS);
        Instant due = calendar.returnDue(rule, now, zone);
        Device device = ticket.getDevice();
        String faultText = blank(fault) ? firstNonBlank(ticket.getCause(), ticket.getSymptom(), ticket.getTitle()) : fault.strip();
        RepairSlip slip = slips.save(new RepairSlip(ticketId, device == null ? null : device.getId(),
                device == null ? null : device.getName(), device == null ? null : device.getModel(),
                device == null ? null : device.getSerialNumber(), cut(faultText, 2000), vendorName.strip(), slipNumber.strip(),
                blank(note) ? null : note.strip(), sentBy, now, due, rule));
        timeline.record(ticketId, new CaseEvent.SentToVendor(slip.getVendorName(), slip.getSlipNumber(), due));
        milestones.recordWithDeadline(ticketId, MilestoneKind.VENDOR_SENT, now, due,
                "repair slip " + slip.getSlipNumber() + " to " + slip.getVendorName());
        return new Shipped(slip.getId(), due, calendar.nextProgressDue(now, zone));
    }

    private static void check(List<BadRequestException.FieldError> errors, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                errors.add(new BadRequestException.FieldError(field, "is required"));
            }
        } else if (value.strip().length() > max) {
            errors.add(new BadRequestException.FieldError(field, "at most " + max + " characters"));
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v;
            }
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
