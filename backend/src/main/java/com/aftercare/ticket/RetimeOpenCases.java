package com.aftercare.ticket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.aftercare.calendar.HolidayChange;
import com.aftercare.calendar.OpenCaseDeadlines;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.ClockTicket;
import com.aftercare.sla.MeasureLadderReach;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * Moves the open cases' working-time deadlines onto an imported year of holidays (ADR 0075), as
 * {@link ApplyContractToOpenTickets} moves them onto new contract terms: each case whose clocks differ gets a timeline
 * line and a POLICY milestone, which tells its escalation to replay its clocks (on the calendar now in force, the new
 * one: this runs after the import committed) and move its timers.
 * <p>
 * Which cases: the board's clock rows (board_clock, kept by every evaluation) name the running clocks and their due
 * times, so only open cases on a working-time calendar with a running clock due from {@link HolidayChange#dueFrom} are
 * read, {@value #BATCH} at a time by ticket id; the bound looks back as far as the longest ladder of any stored policy
 * reaches past a due time ({@link MeasureLadderReach}, ADR 0078). The calendar feature runs the batches, each in a
 * transaction of its own. Each is replayed on the calendar before and after; only a difference in a running clock's
 * due time or next escalation counts. Held clocks (paused) are left alone: their due time is derived again when they
 * resume, on the calendar then in force.
 */
@Service
class RetimeOpenCases implements OpenCaseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(RetimeOpenCases.class);
    static final int BATCH = 200;

    /** By ticket id through board_clock's primary key; natural-time (7×24) contracts never count holidays. */
    private static final String CANDIDATES = """
            select distinct c.ticket_id from board_clock c join ticket t on t.id = c.ticket_id
            where c.ticket_id > ? and c.state = 'RUNNING' and c.due_at >= ?
              and t.status <> 'CLOSED' and (t.calendar_kind is null or t.calendar_kind = 'FIVE_BY_8')
            order by c.ticket_id fetch first %d rows only""".formatted(BATCH);

    private final JdbcTemplate jdbc;
    private final TicketRepository tickets;
    private final ClockEvaluation clockEvaluation;
    private final CaseTimeline timeline;
    private final RecordMilestone recordMilestone;
    private final MeasureLadderReach ladderReach;
    /** The bound of the change last asked about: the batches of one run ask for the same change again and again. */
    private volatile Bound bound;

    private record Bound(HolidayChange change, Timestamp dueFrom) {
    }

    RetimeOpenCases(JdbcTemplate jdbc, TicketRepository tickets, ClockEvaluation clockEvaluation, CaseTimeline timeline,
            RecordMilestone recordMilestone, MeasureLadderReach ladderReach) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.clockEvaluation = clockEvaluation;
        this.timeline = timeline;
        this.recordMilestone = recordMilestone;
        this.ladderReach = ladderReach;
    }

    @Override
    public List<Long> candidates(HolidayChange change, long afterTicketId) {
        Bound known = bound;
        if (known == null || known.change() != change) {
            int reach = ladderReach.workingDaysAfterDue();
            known = new Bound(change, Timestamp.from(change.dueFrom(reach)));
            log.debug("Open cases due from {} may run into the {} holidays (ladders reach {} working days past due)",
                    known.dueFrom(), change.year(), reach);
            bound = known;
        }
        return jdbc.queryForList(CANDIDATES, Long.class, afterTicketId, known.dueFrom());
    }

    @Override
    public int retime(List<Long> ids, HolidayChange change, boolean dryRun) {
        List<ClockTicket> batch = tickets.findWithSiteAndDeviceByIdIn(ids).stream().map(FindTicket::clockTicketOf).toList();
        Map<Long, List<ClockStatus>> before = clockEvaluation.clocks(batch, change.before());
        Map<Long, List<ClockStatus>> after = clockEvaluation.clocks(batch, change.after());
        int retimed = 0;
        for (ClockTicket t : batch) {
            Moves moves = moves(before.get(t.ticketId()), after.get(t.ticketId()));
            if (!moves.any()) {
                continue;
            }
            retimed++;
            if (!dryRun) {
                timeline.record(t.ticketId(), new CaseEvent.HolidayCalendarApplied(change.year(), moves.dues()));
                recordMilestone.record(t.ticketId(), MilestoneKind.POLICY, "holiday calendar " + change.year());
            }
        }
        return retimed;
    }

    @Override
    public Map<Long, String> openCaseNumbers(Collection<Long> ticketIds) {
        Map<Long, String> open = new TreeMap<>();
        List<Long> ids = List.copyOf(ticketIds);
        for (int i = 0; i < ids.size(); i += 500) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select id, number from ticket where status <> 'CLOSED' and id in (" + marks + ")",
                    (org.springframework.jdbc.core.RowCallbackHandler) r -> open.put(r.getLong(1), r.getString(2)),
                    chunk.toArray());
        }
        return open;
    }

    /** What differs between the two replays: the due times that moved, and whether any next escalation did. */
    private record Moves(List<CaseEvent.DueMoved> dues, boolean escalation) {
        boolean any() {
            return !dues.isEmpty() || escalation;
        }
    }

    static Moves moves(List<ClockStatus> before, List<ClockStatus> after) {
        Map<ClockName, ClockStatus> old = new EnumMap<>(ClockName.class);
        before.forEach(s -> old.put(s.clock(), s));
        List<CaseEvent.DueMoved> dues = new ArrayList<>();
        boolean escalation = false;
        for (ClockStatus now : after) {
            ClockStatus was = old.get(now.clock());
            if (was == null || !running(was) || !running(now)) {
                continue;
            }
            Instant from = was.calendarDueAt();
            Instant to = now.calendarDueAt();
            if (from != null && to != null && !from.equals(to)) {
                dues.add(new CaseEvent.DueMoved(now.clock(), from, to));
            }
            escalation |= !Objects.equals(was.nextEscalationAt(), now.nextEscalationAt());
        }
        return new Moves(dues, escalation);
    }

    /** Counting towards a due time; a held clock (paused by a hold, no due time) is derived again when it resumes. */
    private static boolean running(ClockStatus s) {
        return s.applicable() && (s.state().isRunning() || s.state() == ClockState.PAUSED && s.calendarDueAt() != null);
    }
}
