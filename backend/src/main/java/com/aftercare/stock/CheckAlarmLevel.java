package com.aftercare.stock;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

/**
 * After stock of a part went down: at or below its alarm level, the supervisors and the stock keepers (ADMIN) get
 * an in-app notification, once per crossing. The part's alarm_raised mark is set by a conditional update, so of
 * several issues only the one that crosses tells anyone; stock going back above the level (a receipt, a count)
 * clears the mark. Parts on the road between two warehouses still count: a transfer moves stock, it does not use it.
 */
@Component
class CheckAlarmLevel {

    private final PartRepository parts;
    private final BatchRepository batches;
    private final TransferRepository transfers;
    private final NotificationService notifications;
    private final java.time.Clock clock;

    CheckAlarmLevel(PartRepository parts, BatchRepository batches, TransferRepository transfers,
            NotificationService notifications, java.time.Clock clock) {
        this.parts = parts;
        this.batches = batches;
        this.transfers = transfers;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** After stock went out (an issue, a count that found less): tells once when at or below the level. */
    void afterOutgoing(Part part) {
        check(part, true);
    }

    /** After stock came in: above the level again clears the mark, so the next crossing is told again. */
    void afterIncoming(Part part) {
        check(part, false);
    }

    private void check(Part part, boolean mayRaise) {
        long total = batches.totalOf(part.getId()) + transfers.inTransitOf(part.getId());
        if (total <= part.getAlarmLevel()) {
            if (mayRaise && parts.raiseAlarm(part.getId()) == 1) {
                CaseEvent event = new CaseEvent.StockLow(part.getPartNumber(), part.getName(), total, part.getUnit(),
                        part.getAlarmLevel());
                for (Role role : new Role[] { Role.SUPERVISOR, Role.ADMIN }) {
                    notifications.notifyRole(role, null, event, Locale.SIMPLIFIED_CHINESE, clock.getZone());
                }
            }
        } else {
            parts.clearAlarm(part.getId());
        }
    }
}
