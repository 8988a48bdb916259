package com.aftercare.sla;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What escalation did with a ticket's clocks: each rung reached, each de-escalation. The met/missed
 * lines are written by {@link ClockEvaluation#evaluate} when it sees a clock stop.
 */
@Service
public class ClockLogBook {

    private final ClockLogRepository logs;
    private final Clock clock;

    ClockLogBook(ClockLogRepository logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    /** Records one rung of a due escalation as reached now (one row per rung, so the ladder's history has no gaps). */
    @Transactional
    public void recordEscalation(Long ticketId, ClockName clockName, Rung rung, String detail) {
        logs.save(new ClockLog(ticketId, clockName, ClockLog.Kind.ESCALATED, clock.instant(), rung.dueAt(), rung.level(),
                rung.step().name(), truncate(detail, 1000)));
    }

    /** Records that a clock stopped while escalated and its recipients were told it is over. */
    @Transactional
    public void recordDeEscalation(Long ticketId, ClockStatus s, String detail) {
        logs.save(new ClockLog(ticketId, s.clock(), ClockLog.Kind.DEESCALATED, clock.instant(), s.dueAt(), 0, null,
                truncate(detail, 1000)));
    }

    /** What escalation did with this ticket's clocks, oldest first. */
    @Transactional(readOnly = true)
    public List<ClockLog> clockLog(Long ticketId) {
        return logs.findByTicketIdOrderByOccurredAtAscIdAsc(ticketId);
    }

    /** Every escalation recorded, for the timer benchmark: lateness = occurredAt - dueAt. */
    @Transactional(readOnly = true)
    public List<ClockLog> escalationsRecorded() {
        return logs.findByKindOrderByIdAsc(ClockLog.Kind.ESCALATED);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
