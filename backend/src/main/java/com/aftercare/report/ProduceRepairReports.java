package com.aftercare.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayService;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.repair.RepairHistory;
import com.aftercare.repair.RepairRecord;
import com.aftercare.sla.ContractBook;
import com.aftercare.ticket.event.CaseEvent;

/**
 * What the repair-reports.bpmn timers do (RR-7): the last whole month's summary, or the last quarter's list with
 * costs, for every active customer that has a service contract or had a repair slip, then one in-app note to the
 * desk and the supervisors. A customer whose file exists already is skipped, so a timer fired twice makes nothing new.
 */
@Service
public class ProduceRepairReports {

    public record Produced(ReportPeriod period, int made, int existing) {
    }

    private final GenerateRepairReport generate;
    private final AssetService assets;
    private final ContractBook contracts;
    private final RepairHistory history;
    private final NotificationService notifications;
    private final HolidayService holidays;
    private final Clock clock;

    ProduceRepairReports(GenerateRepairReport generate, AssetService assets, ContractBook contracts, RepairHistory history,
            NotificationService notifications, HolidayService holidays, Clock clock) {
        this.holidays = holidays;
        this.generate = generate;
        this.assets = assets;
        this.contracts = contracts;
        this.history = history;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** RR-7: the monthly summary is owed by the 10th; the timer acts on the 1st to this day of the month. */
    public static final int LAST_DAY = 10;

    /**
     * The timer's call (08:30 Beijing time every day, repair-reports.bpmn's ISO cycle): on the first working day
     * of the month (Chinese holidays and make-up workdays counted, {@link HolidayService}) the files are made; the later
     * days up to the {@value #LAST_DAY}th find them made and add only a customer that had none. On a day off, or after
     * the {@value #LAST_DAY}th, nothing happens and null is returned.
     */
    public Produced onWorkingDay(ReportKind kind) {
        LocalDate today = LocalDate.now(clock);
        if (today.getDayOfMonth() > LAST_DAY) {
            return null;
        }
        if (BusinessCalendar.of(WeeklySchedule.officeHours(), holidays.current()).windowsOn(today).isEmpty()) {
            return null;
        }
        return forLastPeriod(kind);
    }

    public Produced forLastPeriod(ReportKind kind) {
        ReportPeriod period = ReportPeriod.before(kind, LocalDate.now(clock));
        Set<Long> due = new TreeSet<>();
        contracts.contracts().forEach(c -> due.add(c.getCustomerId()));
        LocalDate from = kind == ReportKind.MONTHLY
                ? period.start().minusMonths(GenerateRepairReport.LOOK_BACK_MONTHS) : period.start();
        history.sentBetween(from, period.endExclusive(), null).stream().map(RepairRecord::customerId).forEach(due::add);
        Set<Long> active = new TreeSet<>();
        assets.customers().stream().filter(Customer::isActive).forEach(c -> active.add(c.getId()));
        due.retainAll(active);
        int made = 0;
        int existing = 0;
        for (Long customerId : due) {
            if (generate.generate(customerId, period, CurrentUser.username()).isNew()) {
                made++;
            } else {
                existing++;
            }
        }
        if (made > 0) {
            int number = kind == ReportKind.MONTHLY ? period.start().getMonthValue() : period.quarterNumber();
            CaseEvent event = new CaseEvent.RepairReportsReady(kind.name(), period.start().getYear(), number, made);
            notifications.notifyRole(Role.SERVICE_DESK, null, event, Labels.ZH, clock.getZone());
            notifications.notifyRole(Role.SUPERVISOR, null, event, Labels.ZH, clock.getZone());
        }
        return new Produced(period, made, existing);
    }
}
