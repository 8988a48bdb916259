package com.aftercare.repair;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;

/** {@link RepairHistory} over the repair slips: dates in the contract's zone, the period widened a day each side. */
@Service
class RepairHistoryRecords implements RepairHistory {

    private final RepairSlipRepository slips;
    private final FindTicket tickets;
    private final RepairCalendar calendar;
    private final Clock clock;

    RepairHistoryRecords(RepairSlipRepository slips, FindTicket tickets, RepairCalendar calendar, Clock clock) {
        this.slips = slips;
        this.tickets = tickets;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RepairRecord> sentBetween(LocalDate from, LocalDate toExclusive, Long customerId) {
        ZoneId any = clock.getZone();
        // every zone is within a day of any other: read a day more each side, then judge each slip in its own zone
        List<RepairRecord> out = new ArrayList<>();
        for (RepairSlip s : slips.findBySentAtGreaterThanEqualAndSentAtLessThanOrderBySentAtAscIdAsc(
                from.minusDays(1).atStartOfDay(any).toInstant(), toExclusive.plusDays(1).atStartOfDay(any).toInstant())) {
            Ticket t = tickets.get(s.getTicketId());
            ZoneId zone = calendar.zoneOf(t);
            LocalDate sent = s.getSentAt().atZone(zone).toLocalDate();
            if (sent.isBefore(from) || !sent.isBefore(toExclusive)) {
                continue;
            }
            Long unit = t.getSite() == null ? null : t.getSite().getCustomer().getId();
            if (customerId != null && !customerId.equals(unit)) {
                continue;
            }
            out.add(new RepairRecord(t.getId(), t.getNumber(), unit == null ? 0 : unit,
                    t.getSite() == null ? null : t.getSite().getCustomer().getName(),
                    t.getSite() == null ? null : t.getSite().getName(), s.getDeviceId(), s.getDeviceName(),
                    s.getDeviceModel(), s.getDeviceSerial(), s.getFault(), s.getVendorName(), s.getSlipNumber(), sent,
                    s.getExpectedReturnAt().atZone(zone).toLocalDate(),
                    s.getReturnedAt() == null ? null : s.getReturnedAt().atZone(zone).toLocalDate(), s.getOutcome().name(),
                    s.getLoanerId() != null));
        }
        return out;
    }
}
