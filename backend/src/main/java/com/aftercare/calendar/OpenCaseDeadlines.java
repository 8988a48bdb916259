package com.aftercare.calendar;

/**
 * The open cases whose working-time deadlines follow the calendar (implemented by the ticket feature, which owns them:
 * the calendar cannot depend on it, since the clock engine depends on the calendar).
 */
public interface OpenCaseDeadlines {

    /**
     * Replays the open cases' running working-time clocks on both calendars of the change and moves those whose due
     * time or next escalation differs; {@code dryRun}: only counts them. Runs after the import committed (the new
     * calendar is then in force), in transactions of its own. Returns how many cases were (or would be) re-timed.
     */
    int retime(HolidayChange change, boolean dryRun);
}
