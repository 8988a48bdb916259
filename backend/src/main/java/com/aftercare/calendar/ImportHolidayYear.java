package com.aftercare.calendar;

import org.springframework.stereotype.Service;

/**
 * An admin's import of a year of holidays (系统管理 → 工作日历), and its preview: the year is stored, then the open
 * cases whose working-time deadlines it moves are re-timed on the new calendar (ADR 0075).
 * <p>
 * Deliberately not one transaction: the import commits first, which makes this node's calendar the new one, and the
 * re-timing then replays the cases in small transactions of its own, so a hundred thousand open cases are never held
 * in one, and what the escalations replay when told is the new calendar. Only the node that took the import re-times,
 * once; the other nodes pick the year up within {@link HolidayService#RECHECK}.
 */
@Service
public class ImportHolidayYear {

    private final HolidayService holidays;
    private final OpenCaseDeadlines deadlines;

    ImportHolidayYear(HolidayService holidays, OpenCaseDeadlines deadlines) {
        this.holidays = holidays;
        this.deadlines = deadlines;
    }

    /** The year and how many open cases had their deadlines recomputed. */
    public record HolidaysImported(int year, int openCasesRetimed) {
    }

    public HolidaysImported importYear(String json, String importedBy) {
        HolidayChange change = holidays.store(json, importedBy);
        return new HolidaysImported(change.year(), change.changesDays() ? deadlines.retime(change, false) : 0);
    }

    /** What the import would store and how many open cases it would re-time; changes nothing. */
    public HolidayService.Preview preview(String json) {
        HolidayService.Preview preview = holidays.preview(json);
        HolidayChange change = holidays.previewChange(json);
        return preview.withOpenCasesToRetime(change.changesDays() ? deadlines.retime(change, true) : 0);
    }
}
