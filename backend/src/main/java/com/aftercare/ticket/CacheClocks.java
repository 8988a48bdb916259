package com.aftercare.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;

/**
 * Keeps the list columns (due times, escalation rung) and the board's clock rows (board_clock) in step with what
 * the clock engine derived, so lists, filters and the supervisor board's counts need no replay (ADR 0056).
 */
@Service
public class CacheClocks {

    private final LoadTicket load;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClockEvaluation clockEvaluation;

    CacheClocks(LoadTicket load, JdbcTemplate jdbc, Clock clock, ClockEvaluation clockEvaluation) {
        this.load = load;
        this.clockEvaluation = clockEvaluation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Derives the ticket's clocks now (records nothing) and caches them. */
    @Transactional
    public void refresh(Long ticketId) {
        cache(ticketId, clockEvaluation.clocks(FindTicket.clockTicketOf(load.withSite(ticketId))));
    }

    @Transactional
    public void cache(Long ticketId, List<ClockStatus> clocks) {
        cache(ticketId, clocks, false);
    }

    /** {@code first}: the ticket was inserted by this transaction, so it has no board rows to delete (ADR 0062). */
    @Transactional
    public void cache(Long ticketId, List<ClockStatus> clocks, boolean first) {
        Ticket t = load.byId(ticketId);
        Instant responseDue = clocks.stream().filter(c -> c.clock() == ClockName.RESPONSE && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        Instant resolutionDue = clocks.stream().filter(c -> c.clock() == ClockName.RESOLUTION && c.applicable())
                .findFirst().map(ClockStatus::dueAt).orElse(null);
        int level = clocks.stream().mapToInt(ClockStatus::escalationLevel).max().orElse(0);
        if (!first) {
            jdbc.update("delete from board_clock where ticket_id = ?", ticketId);
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        BoardMarks board = BoardMarks.NONE;
        for (ClockStatus c : clocks) {
            if (!c.applicable() || !c.state().isRunning() && c.state() != ClockState.PAUSED) {
                continue;
            }
            // a clock stopped only by the business calendar keeps its deadline: it is running as far as time is concerned
            boolean held = c.state() == ClockState.PAUSED && c.calendarDueAt() == null;
            Instant due = c.state() == ClockState.PAUSED ? c.calendarDueAt() : c.dueAt();
            board = board.with(held, due, c.atRiskAt(), c.risk());
            rows.add(new Object[] { ticketId, c.clock().name(), held ? "PAUSED" : "RUNNING", timestamp(due),
                    timestamp(c.atRiskAt()), held ? c.risk().name() : null,
                    held && c.remaining() != null ? c.remaining().getSeconds() : null, c.escalationLevel() });
        }
        // the board's order (the nearest deadline of the rows stored as running, as the board ranked them before V67)
        // and what its counts and risk filter read (V69), from the rows written here
        t.cacheClocks(responseDue, resolutionDue, level, board, clock.instant());
        if (!rows.isEmpty()) {
            // one batch: a case's handful of clocks cost one statement, not one each; a case being reported writes its
            // ticket's row after the opening (ADR 0090), so its board rows follow that row
            TicketRows.afterWritten(ticketId, () -> jdbc.batchUpdate("insert into board_clock (ticket_id, clock, state,"
                    + " due_at, at_risk_at, paused_risk, paused_remaining, escalation_level) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows));
        }
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
