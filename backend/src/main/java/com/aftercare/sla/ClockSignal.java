package com.aftercare.sla;

/**
 * Tells a ticket's running escalation that its clocks may have changed (a pause, a level change, a
 * stop), so the timers are moved now instead of being polled. Implemented by the workflow feature.
 */
public interface ClockSignal {

    void clocksChanged(Long ticketId);
}
