package com.aftercare.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/**
 * The holiday calendar in force: the shipped years plus what an admin imported. The State
 * Council publishes next year's notice around November; until it is imported, the year is
 * reported as missing (in the log at start-up and in GET /api/calendar/holidays).
 */
@Service
public class HolidayService {

    private static final Logger log = LoggerFactory.getLogger(HolidayService.class);
    private static final int MAX_JSON_CHARS = 200_000;

    private final HolidayYearRepository imported;
    private final Clock clock;
    private volatile HolidayCalendar current;

    HolidayService(HolidayYearRepository imported, Clock clock) {
        this.imported = imported;
        this.clock = clock;
    }

    public record Coverage(SortedSet<Integer> yearsCovered, List<Integer> missingYears) {
    }

    public HolidayCalendar current() {
        HolidayCalendar calendar = current;
        if (calendar == null) {
            calendar = load();
            current = calendar;
        }
        return calendar;
    }

    public Coverage coverage() {
        HolidayCalendar calendar = current();
        return new Coverage(calendar.yearsCovered(), calendar.missingYears(LocalDate.now(clock)));
    }

    /** Validates and stores one year; the same year again replaces it (a corrected notice). */
    @Transactional
    public int importYear(String json, String importedBy) {
        if (json == null || json.isBlank()) {
            throw new BadRequestException("body", "a holiday-cn JSON document is required");
        }
        if (json.length() > MAX_JSON_CHARS) {
            throw new BadRequestException("body", "larger than " + MAX_JSON_CHARS + " characters");
        }
        int year;
        try {
            year = HolidayCalendar.empty().withYear(json).yearsCovered().first();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("body", e.getMessage());
        }
        imported.findById(year).ifPresentOrElse(y -> y.replace(json, clock.instant(), importedBy),
                () -> imported.save(new HolidayYear(year, json, clock.instant(), importedBy)));
        current = null; // rebuilt on next use, including this year
        return year;
    }

    private HolidayCalendar load() {
        HolidayCalendar calendar = HolidayCalendar.defaults();
        for (HolidayYear year : imported.findAll()) {
            calendar = calendar.withYear(year.getSourceJson());
        }
        return calendar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutMissingYears() {
        List<Integer> missing = coverage().missingYears();
        if (!missing.isEmpty()) {
            log.warn("No statutory holiday data for {}: working-time deadlines treat those years as plain weeks. "
                    + "Import the year with POST /api/calendar/holidays (holiday-cn JSON).", missing);
        }
    }
}
