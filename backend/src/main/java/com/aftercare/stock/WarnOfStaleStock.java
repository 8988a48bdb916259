package com.aftercare.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

/**
 * The month-end written warning about stale stock (FW-6; seed 003 1.2: the keeper warns in writing at each month's end
 * about stock held longer than 2 months, to the purchasing supervisor and the project's finance): the batches with stock
 * left that were received before the month's last day less aftercare.stock.stale-after, kept as a warning of that
 * month; the purchasing supervisors (SUPERVISOR) and the keepers (ADMIN) are told in the app when it lists anything,
 * and the addresses the keepers set (the finance, {@link SetStaleWarningRecipients}) get it by mail with its sheet.
 * stale-stock-warning.bpmn's daily timer calls {@link #onSchedule()}; one warning a month, so a timer fired twice or
 * late writes nothing twice.
 */
@Service
public class WarnOfStaleStock {

    /** A month's warning still missing on the first days of the next month (a node down at the month's end) is written then. */
    static final int CATCH_UP_DAYS = 5;

    /** month: 2026-11; written: false when the month's warning existed already. */
    public record Outcome(String month, int batches, long quantity, boolean written) {
    }

    private final StaleStockWarningRepository warnings;
    private final BatchRepository batches;
    private final PartRepository parts;
    private final WarehouseRepository warehouses;
    private final StockSettings settings;
    private final NotificationService notifications;
    private final Clock clock;
    private final SetStaleWarningRecipients recipients;

    WarnOfStaleStock(StaleStockWarningRepository warnings, BatchRepository batches, PartRepository parts,
            WarehouseRepository warehouses, StockSettings settings, NotificationService notifications, Clock clock,
            SetStaleWarningRecipients recipients) {
        this.recipients = recipients;
        this.warnings = warnings;
        this.batches = batches;
        this.parts = parts;
        this.warehouses = warehouses;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The timer's call: on a month's last day that month's warning, on the first {@value #CATCH_UP_DAYS} days of a month
     * the last month's if it is missing; on other days nothing (null).
     */
    @Transactional
    public Outcome onSchedule() {
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        if (today.equals(month.atEndOfMonth())) {
            return write(month);
        }
        if (today.getDayOfMonth() <= CATCH_UP_DAYS) {
            return write(month.minusMonths(1));
        }
        return null;
    }

    /** The warning of {@code month} as of its last day, unless it exists already. */
    @Transactional
    public Outcome write(YearMonth month) {
        StaleStockWarning existing = warnings.findByMonth(month.toString()).orElse(null);
        if (existing != null) {
            return new Outcome(existing.getMonth(), existing.getBatchCount(), existing.getQuantity(), false);
        }
        LocalDate monthEnd = month.atEndOfMonth();
        LocalDate staleBefore = monthEnd.minus(settings.staleAfter());
        Map<Long, Part> byId = parts.findAll().stream().collect(Collectors.toMap(Part::getId, Function.identity()));
        Map<Long, Warehouse> stores = warehouses.findAll().stream().collect(Collectors.toMap(Warehouse::getId, Function.identity()));
        List<StaleStockWarning.Line> lines = batches.findByRemainingGreaterThanAndReceivedOnBeforeOrderByReceivedOnAscIdAsc(0, staleBefore)
                .stream().map(b -> {
                    Part p = byId.get(b.getPartId());
                    return new StaleStockWarning.Line(stores.get(b.getWarehouseId()).getCode(), p.getPartNumber(), p.getName(),
                            p.getUnit(), b.getReceivedOn(), b.getRemaining(), b.getUnitCost(),
                            (int) ChronoUnit.DAYS.between(b.getReceivedOn(), monthEnd));
                }).toList();
        StaleStockWarning warning = warnings.save(new StaleStockWarning(month.toString(), clock.instant(), staleBefore, lines));
        if (warning.getBatchCount() > 0) {
            CaseEvent event = new CaseEvent.StaleStockWarned(month.getYear(), month.getMonthValue(), warning.getBatchCount(),
                    warning.getQuantity(), staleBefore);
            for (Role role : new Role[] { Role.SUPERVISOR, Role.ADMIN }) {
                notifications.notifyRole(role, null, event, Locale.SIMPLIFIED_CHINESE, clock.getZone());
            }
            // the finance, by mail with the sheet: queued in this transaction, sent and retried by the delivery worker
            String subject = month.getYear() + "年" + month.getMonthValue() + "月末呆滞物资书面预警";
            String body = subject + "：" + warning.getBatchCount() + " 个批次共 " + warning.getQuantity() + " 件备件在 " + staleBefore
                    + " 前入库，月末仍有结存，明细见附件。";
            for (String address : recipients.current()) {
                notifications.queueEmailWithFiles(address, subject, body, StaleWarningMailFiles.REFERENCE + warning.getId());
            }
        }
        return new Outcome(warning.getMonth(), warning.getBatchCount(), warning.getQuantity(), true);
    }
}
