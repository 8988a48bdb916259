package com.aftercare.repair;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Component;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.ServiceContract;
import com.aftercare.ticket.Ticket;

/**
 * The dates of a repair: when the vendor owes the device back (RR-2) and when the next progress report is due
 * (RR-3). "Working day" is the Chinese office week of {@link BusinessCalendar} (Monday to Friday, statutory
 * holidays off, make-up workdays on), in the contract's zone, whatever calendar the contract's clocks run on.
 */
@Component
class RepairCalendar {

    static final int RETURN_WORKING_DAYS = 5;
    static final int PROGRESS_WORKING_DAYS = 3;

    private final HolidayService holidays;
    private final ContractBook contracts;
    private final Clock clock;

    RepairCalendar(HolidayService holidays, ContractBook contracts, Clock clock) {
        this.holidays = holidays;
        this.contracts = contracts;
        this.clock = clock;
    }

    ZoneId zoneOf(Ticket ticket) {
        return contracts.contract(ticket.getContractId()).map(ServiceContract::zoneId).orElse(clock.getZone());
    }

    private BusinessCalendar working(ZoneId zone) {
        return new BusinessCalendar(WeeklySchedule.officeHours(), holidays.current(), zone);
    }

    /**
     * FIVE_WORKING_DAYS: five working days of office time after sending (sent Friday 10:00 before a plain weekend:
     * the next Friday 10:00). BEFORE_SECOND_WEEKEND: the start (00:00) of the second Saturday after the day sent.
     */
    Instant returnDue(ReturnRule rule, Instant sentAt, ZoneId zone) {
        if (rule == ReturnRule.BEFORE_SECOND_WEEKEND) {
            LocalDate sent = sentAt.atZone(zone).toLocalDate();
            LocalDate firstSaturday = sent.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
            return firstSaturday.plusWeeks(1).atStartOfDay(zone).toInstant();
        }
        return working(zone).addWorkingDays(sentAt, RETURN_WORKING_DAYS);
    }

    /** Three working days after {@code from}: when the next progress report is owed. */
    Instant nextProgressDue(Instant from, ZoneId zone) {
        return working(zone).addWorkingDays(from, PROGRESS_WORKING_DAYS);
    }
}
