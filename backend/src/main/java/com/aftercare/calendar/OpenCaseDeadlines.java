package com.aftercare.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The open cases whose working-time deadlines follow the calendar (implemented by the ticket feature, which owns them:
 * the calendar cannot depend on it, since the clock engine depends on the calendar). The calendar drives the batches
 * and their transactions, so that an owed re-timing's cursor moves in the same transaction as the cases it covers
 * (ADR 0078).
 */
public interface OpenCaseDeadlines {

    /**
     * The next open cases, by ticket id after {@code afterTicketId}, whose running working-time clocks the change may
     * move (a bounded batch, ascending); empty when none is left.
     */
    List<Long> candidates(HolidayChange change, long afterTicketId);

    /**
     * Replays these cases' running working-time clocks on both calendars of the change and, unless {@code dryRun},
     * moves those whose due time or next escalation differs (a timeline line and a POLICY milestone each), in the
     * caller's transaction. Runs after the import committed (the new calendar is then in force). Returns how many
     * cases were (or would be) re-timed.
     */
    int retime(List<Long> ticketIds, HolidayChange change, boolean dryRun);

    /**
     * Of these cases, the ones still open, with their case numbers (ascending by id): the cases a re-timing skipped that
     * a supervisor still has to check (ADR 0083).
     */
    Map<Long, String> openCaseNumbers(Collection<Long> ticketIds);
}
