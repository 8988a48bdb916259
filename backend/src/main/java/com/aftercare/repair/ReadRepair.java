package com.aftercare.repair;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/**
 * A case's repair slips with their progress reports and loaner. A customer's user reads their own unit's cases only
 * (another unit's is 404), and of a slip what the progress reports tell them anyway: vendor, slip number, dates,
 * outcome, the reports and the loaner; not the engineer's fault text, notes, the vendor's report or staff names.
 */
@Service
public class ReadRepair {

    private final FindTicket tickets;
    private final RepairSlipRepository slips;
    private final ProgressReportRepository reports;
    private final LoanerUnitRepository units;
    private final Clock clock;

    ReadRepair(FindTicket tickets, RepairSlipRepository slips, ProgressReportRepository reports, LoanerUnitRepository units,
            Clock clock) {
        this.tickets = tickets;
        this.slips = slips;
        this.reports = reports;
        this.units = units;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RepairView read(long ticketId) {
        Ticket ticket = tickets.getVisible(ticketId);
        boolean customer = CurrentUser.isCustomer();
        Instant now = clock.instant();
        List<ProgressReport> all = reports.findByTicketIdOrderByWrittenAtAscIdAsc(ticketId);
        List<RepairView.Slip> list = slips.findByTicketIdOrderByIdAsc(ticketId).stream().map(s -> new RepairView.Slip(
                s.getId(), s.getDeviceId(), s.getDeviceName(), s.getDeviceModel(), s.getDeviceSerial(), s.getFault(),
                s.getVendorName(), s.getSlipNumber(), s.getNote(), s.getSentBy(), s.getSentAt(), s.getExpectedReturnAt(),
                s.getReturnRule().name(), s.getReturnedAt(), s.getReceivedBy(), s.getVendorReport(), s.getOutcome().name(),
                (s.getReturnedAt() == null ? now : s.getReturnedAt()).isAfter(s.getExpectedReturnAt()),
                s.getLoanerId() == null ? null : units.findById(s.getLoanerId()).map(LoanerView::of).orElse(null),
                s.getLoanerInstalledAt(), s.getLoanerCollectedAt(),
                all.stream().filter(r -> r.getSlipId().equals(s.getId()))
                        .map(r -> new RepairView.Report(r.getBody(), r.getWrittenBy(), r.getWrittenAt())).toList()))
                .map(s -> customer ? forCustomer(s) : s)
                .toList();
        return new RepairView(ticketId, ticket.getNumber(),
                ticket.getSite() == null ? null : ticket.getSite().getCustomer().getName(),
                ticket.getSite() == null ? null : ticket.getSite().getName(),
                ticket.getSite() == null ? null : ticket.getSite().getAddress(), list);
    }

    private static RepairView.Slip forCustomer(RepairView.Slip s) {
        return new RepairView.Slip(s.id(), s.deviceId(), s.deviceName(), s.deviceModel(), s.deviceSerial(), null,
                s.vendorName(), s.slipNumber(), null, null, s.sentAt(), s.expectedReturnAt(), s.returnRule(), s.returnedAt(),
                null, null, s.outcome(), s.overdue(), s.loaner() == null ? null
                        : new LoanerView(s.loaner().id(), s.loaner().model(), s.loaner().serial(), null, null, null),
                s.loanerInstalledAt(), s.loanerCollectedAt(),
                s.progressReports().stream().map(r -> new RepairView.Report(r.body(), null, r.writtenAt())).toList());
    }
}
