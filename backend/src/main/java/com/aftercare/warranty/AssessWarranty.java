package com.aftercare.warranty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Device;
import com.aftercare.sla.CaseOpening;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.DeviceCases;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Judges a case by its device (fault-intake.bpmn "assessWarrantyAtIntake", dispatch.bpmn "assessWarranty" after the
 * diagnosis): free inside the device's warranty on the day the case was reported (WA-1; a device without a warranty
 * end date of its own is covered until its contract's acceptance day + warranty months ({@link ContractWarranty}), and
 * without those either counts as inside it: nothing allows charging), free as a repeat repair when the same kind of fault (same
 * category) comes back on the same device within {@link #REPEAT_MONTHS} months after an earlier case of it was closed
 * (RR-5), otherwise charged; and a replacement owed when the device failed {@link #FAILURES} or more times within
 * {@link #FAILURE_WINDOW_MONTHS} month (RR-6, counting its DEFECT cases, this one included).
 */
@Service
public class AssessWarranty {

    public static final int REPEAT_MONTHS = 3;
    public static final int FAILURE_WINDOW_MONTHS = 1;
    public static final int FAILURES = 2;
    public static final String WARRANTY = "WARRANTY";
    public static final String REPEAT_REPAIR = "REPEAT_REPAIR";

    private final FindTicket tickets;
    private final DeviceCases deviceCases;
    private final CaseWarrantyRepository warranties;
    private final CaseTimeline timeline;
    private final ContractWarranty contractWarranty;
    private final Clock clock;

    AssessWarranty(FindTicket tickets, DeviceCases deviceCases, CaseWarrantyRepository warranties, CaseTimeline timeline,
            ContractWarranty contractWarranty, Clock clock) {
        this.tickets = tickets;
        this.deviceCases = deviceCases;
        this.warranties = warranties;
        this.timeline = timeline;
        this.contractWarranty = contractWarranty;
        this.clock = clock;
    }

    /** freeReason null: charged; replacementOwed only once per case (not again after a refused replacement). */
    public record Assessment(String freeReason, String repeatOfNumber, boolean replacementOwed) {
        public boolean charged() {
            return freeReason == null;
        }
    }

    @Transactional
    public Assessment assess(long ticketId) {
        Ticket ticket = tickets.get(ticketId);
        // a case being opened (a fault report's own transaction inserted its ticket) has no assessment yet: not read
        // (ADR 0062)
        boolean opening = CaseOpening.unwatched(ticketId);
        CaseWarranty warranty = opening ? new CaseWarranty(ticketId)
                : warranties.findById(ticketId).orElseGet(() -> new CaseWarranty(ticketId));
        ZoneId zone = clock.getZone();
        Instant received = ticket.getReceivedAt() != null ? ticket.getReceivedAt() : clock.instant();
        LocalDate reported = received.atZone(zone).toLocalDate();
        Device device = ticket.getDevice();
        // the case closed last before this report is the only candidate: if the same fault came back too late after
        // it, it came back too late after every earlier one too
        // DEFECT cases (this one included) received from the first day of the window up to this report; both questions
        // of the device in one statement (ADR 0065)
        Instant windowStart = reported.minusMonths(FAILURE_WINDOW_MONTHS).atStartOfDay(zone).toInstant();
        DeviceCases.History history = device == null ? new DeviceCases.History(Optional.empty(), 0)
                : deviceCases.history(device.getId(), ticket.getCategory(), ticketId, received, Category.DEFECT, windowStart,
                        received, FAILURES, opening);
        Optional<DeviceCases.DeviceCase> repeatOf = history.lastClosed()
                .filter(c -> !reported.isAfter(c.closedAt().atZone(zone).toLocalDate().plusMonths(REPEAT_MONTHS)));
        LocalDate warrantyEnd = device == null ? null
                : device.getWarrantyEnd() != null ? device.getWarrantyEnd() : contractWarranty.deviceWarrantyEnd(ticket.getContractId());
        boolean inWarranty = warrantyEnd == null || !reported.isAfter(warrantyEnd);
        String freeReason = repeatOf.isPresent() ? REPEAT_REPAIR : inWarranty ? WARRANTY : null;

        boolean newlyFlagged = repeatOf.isPresent() && warranty.getRepeatOfTicketId() == null;
        warranty.assessed(freeReason, warrantyEnd, repeatOf.map(DeviceCases.DeviceCase::id).orElse(null),
                repeatOf.map(DeviceCases.DeviceCase::number).orElse(null), clock.instant());
        warranties.save(warranty);
        if (newlyFlagged) {
            timeline.record(ticketId, new CaseEvent.RepeatRepairFlagged(repeatOf.get().number()));
        }

        // the device's other DEFECT cases in the window, and this one if it is one (received within it by definition)
        long failures = device == null ? 0 : history.received() + (ticket.getCategory() == Category.DEFECT ? 1 : 0);
        boolean replacementOwed = failures >= FAILURES && warranty.getReplacementCause() == null;
        return new Assessment(freeReason, repeatOf.map(DeviceCases.DeviceCase::number).orElse(null), replacementOwed);
    }
}
