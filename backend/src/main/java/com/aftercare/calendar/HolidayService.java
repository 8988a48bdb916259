package com.aftercare.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/**
 * The holiday calendar in force: the shipped years plus what an admin imported. The State
 * Council publishes next year's notice around November; until it is imported, the year is
 * reported as missing (in the log at start-up, in GET /api/calendar/holidays and so in the
 * reminder the web app shows admins, supervisors, the desk and process owners).
 *
 * <p>Every node keeps the calendar in memory. The node that imports drops its copy when the import commits; the
 * other nodes of a cluster ask the table for its {@link HolidayStamp}s (each year's import time) at most every
 * {@link #RECHECK} and reload when it moved, so an import counts everywhere within that time, without a restart.
 */
@Service
public class HolidayService {

    private static final Logger log = LoggerFactory.getLogger(HolidayService.class);
    private static final int MAX_JSON_CHARS = 200_000;
    /** How stale another node's import may be here. */
    static final Duration RECHECK = Duration.ofSeconds(30);

    private final HolidayYearRepository imported;
    private final OwedRetimings owed;
    private final Clock clock;
    private final long recheckNanos;
    private final HolidayCalendar shipped = HolidayCalendar.defaults();
    private volatile Loaded loaded;
    /**
     * Moves on each import's commit. A reload that began before the commit read the old rows: it may answer its own
     * caller, but it must not become the calendar in force, or the re-timing that follows the import (ADR 0075) would
     * replay the open cases on the calendar it is meant to replace.
     */
    private long generation;

    private record Loaded(HolidayCalendar calendar, List<HolidayStamp> stamp, long checkedAt) {
    }

    @Autowired
    HolidayService(HolidayYearRepository imported, OwedRetimings owed, Clock clock) {
        this(imported, owed, clock, RECHECK);
    }

    HolidayService(HolidayYearRepository imported, OwedRetimings owed, Clock clock, Duration recheck) {
        this.imported = imported;
        this.owed = owed;
        this.clock = clock;
        this.recheckNanos = recheck.toNanos();
    }

    /**
     * retimingPending: the years whose import still owes open cases their re-timing (ADR 0078): the import's node did
     * not finish it, and another node (or the same after a restart) will within a minute or two of its claim lapsing.
     */
    public record Coverage(SortedSet<Integer> yearsCovered, List<Integer> missingYears, List<Integer> retimingPending) {
    }

    /** Where a year's days come from: the files shipped with the product, or an admin's import (which wins). */
    public enum Source {
        SHIPPED, IMPORTED
    }

    /** One holiday of a year: its off days and the make-up workdays (调休上班) listed under its name. */
    public record HolidayView(String name, List<LocalDate> offDays, List<LocalDate> makeUpDays) {
    }

    /** A year as the working calendar reads it; importedAt/importedBy only for an imported year. */
    public record YearView(int year, Source source, Instant importedAt, String importedBy, int offDays,
            int makeUpDays, List<HolidayView> holidays) {
    }

    /**
     * What an import would store, read back before the admin confirms; replaces is null for a new year;
     * openCasesToRetime: how many open cases' working-time deadlines the import would move (ADR 0075);
     * openCasesNotRetimable: how many candidates cannot be replayed (their data is broken): the import would skip and
     * list them (ADR 0083).
     */
    public record Preview(int year, int offDays, int makeUpDays, List<HolidayView> holidays, Source replaces,
            int openCasesToRetime, int openCasesNotRetimable) {

        Preview withOpenCases(int toRetime, int notRetimable) {
            return new Preview(year, offDays, makeUpDays, holidays, replaces, toRetime, notRetimable);
        }
    }

    public HolidayCalendar current() {
        Loaded now = loaded;
        long tick = System.nanoTime();
        if (now == null) {
            return reload(tick).calendar();
        }
        if (tick - now.checkedAt() >= recheckNanos) {
            try {
                List<HolidayStamp> stamp = imported.stamp();
                if (!stamp.equals(now.stamp())) {
                    log.info("Imported holiday years changed (now {}): reloading the working calendar", stamp);
                    return reload(tick).calendar();
                }
                synchronized (this) {
                    if (loaded == now) { // not when an import dropped it meanwhile
                        loaded = new Loaded(now.calendar(), now.stamp(), tick);
                    }
                }
            } catch (DataAccessException e) {
                log.warn("Could not check the imported holiday years, keeping the calendar in memory: {}", e.toString());
            }
        }
        return now.calendar();
    }

    private Loaded reload(long tick) {
        long seen;
        synchronized (this) {
            seen = generation;
        }
        List<HolidayStamp> stamp = imported.stamp();
        Loaded fresh = new Loaded(fromDatabase(), stamp, tick);
        synchronized (this) {
            if (generation == seen) {
                loaded = fresh;
            }
        }
        return fresh;
    }

    /** The shipped years with the imported ones over them, as the table holds them now (in the caller's transaction). */
    private HolidayCalendar fromDatabase() {
        HolidayCalendar calendar = shipped;
        for (HolidayYear year : imported.findAll()) {
            calendar = calendar.withYear(year.getSourceJson());
        }
        return calendar;
    }

    private synchronized void dropLoaded() {
        generation++;
        loaded = null; // rebuilt on next use, including the imported year
    }

    public Coverage coverage() {
        HolidayCalendar calendar = current();
        return new Coverage(calendar.yearsCovered(), calendar.missingYears(LocalDate.now(clock)), owed.pendingYears());
    }

    /** The days of one year, grouped by holiday; 404 naming the year when the calendar has none. */
    @Transactional(readOnly = true)
    public YearView year(int year) {
        HolidayCalendar calendar = current();
        if (!calendar.yearsCovered().contains(year)) {
            throw new NotFoundException("No statutory holiday data for " + year);
        }
        Optional<HolidayYear> importedYear = imported.findById(year);
        List<HolidayCalendar.Day> days = calendar.days(year);
        return new YearView(year, importedYear.isPresent() ? Source.IMPORTED : Source.SHIPPED,
                importedYear.map(HolidayYear::getImportedAt).orElse(null),
                importedYear.map(HolidayYear::getImportedBy).orElse(null),
                count(days, true), count(days, false), grouped(days));
    }

    /** Validates a document exactly as {@link #importYear} does and shows what it would store; stores nothing. */
    @Transactional(readOnly = true)
    public Preview preview(String json) {
        HolidayCalendar parsed = parse(json);
        int year = parsed.yearsCovered().first();
        List<HolidayCalendar.Day> days = parsed.days(year);
        Source replaces = imported.existsById(year) ? Source.IMPORTED
                : shipped.yearsCovered().contains(year) ? Source.SHIPPED : null;
        return new Preview(year, count(days, true), count(days, false), grouped(days), replaces, 0, 0);
    }

    /** The calendar as the database holds it now, and as it would be with this document imported; stores nothing. */
    @Transactional(readOnly = true)
    public HolidayChange previewChange(String json) {
        HolidayCalendar parsed = parse(json);
        HolidayCalendar before = fromDatabase();
        return new HolidayChange(parsed.yearsCovered().first(), before, before.withYear(json));
    }

    /** Validates and stores one year; the same year again replaces it (a corrected notice). */
    @Transactional
    public int importYear(String json, String importedBy) {
        return store(json, importedBy).year();
    }

    /**
     * As {@link #importYear}, and says what changed: the calendar before (read from the table in this transaction,
     * so an import made on another node a moment ago counts even if this node's copy has not caught up) and after.
     * This node's copy is dropped when the transaction commits, so what runs after the commit uses the new year.
     */
    @Transactional
    public HolidayChange store(String json, String importedBy) {
        int year = parse(json).yearsCovered().first();
        // Two imports of a year at once (two admins, a double click): the second waits here for the first's commit and
        // then reads its year as the calendar before, so a notice imported twice changes the days once (ADR 0078). A
        // year not stored yet has no row to lock: the second insert fails on the key, and ImportHolidayYear retries.
        Optional<HolidayYear> stored = imported.lock(year);
        HolidayCalendar before = fromDatabase();
        stored.ifPresentOrElse(y -> y.replace(json, clock.instant(), importedBy),
                () -> imported.insert(year, json, clock.instant(), importedBy));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropLoaded();
                }
            });
        } else {
            dropLoaded();
        }
        return new HolidayChange(year, before, before.withYear(json));
    }

    /**
     * The change an owed re-timing replays (ADR 0078): the calendar as the table holds it now, with the year as it was
     * before the import ({@code beforeJson}, null: no days) and as imported.
     */
    @Transactional(readOnly = true)
    public HolidayChange changeOf(int year, String beforeJson, String afterJson) {
        HolidayCalendar now = fromDatabase();
        return new HolidayChange(year, beforeJson == null ? now.withoutYear(year) : now.withYear(beforeJson),
                now.withYear(afterJson));
    }

    /**
     * From the year as it was ({@code beforeJson}, null: no days) to the calendar as the table holds it now: what a case
     * skipped by an import, and re-timed later by an admin, has to be replayed across (ADR 0086).
     */
    @Transactional(readOnly = true)
    public HolidayChange changeSince(int year, String beforeJson) {
        HolidayCalendar now = fromDatabase();
        return new HolidayChange(year, beforeJson == null ? now.withoutYear(year) : now.withYear(beforeJson), now);
    }

    private static HolidayCalendar parse(String json) {
        if (json == null || json.isBlank()) {
            throw BadRequestException.of("body", "holidayEmpty", Map.of(), "a holiday-cn JSON document is required");
        }
        if (json.length() > MAX_JSON_CHARS) {
            throw BadRequestException.of("body", "holidayTooLarge", Map.of("max", MAX_JSON_CHARS),
                    "larger than " + MAX_JSON_CHARS + " characters");
        }
        try {
            return HolidayCalendar.empty().withYear(json);
        } catch (HolidayDataException e) {
            throw BadRequestException.of(e.field(), e.reason(), e.args(), e.getMessage());
        }
    }

    private static int count(List<HolidayCalendar.Day> days, boolean offDay) {
        return (int) days.stream().filter(d -> d.offDay() == offDay).count();
    }

    /** By holiday name, in the order of each holiday's first listed date. */
    private static List<HolidayView> grouped(List<HolidayCalendar.Day> days) {
        Map<String, List<HolidayCalendar.Day>> byName = new LinkedHashMap<>();
        days.forEach(d -> byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d));
        return byName.entrySet().stream()
                .map(e -> new HolidayView(e.getKey(),
                        e.getValue().stream().filter(HolidayCalendar.Day::offDay).map(HolidayCalendar.Day::date).toList(),
                        e.getValue().stream().filter(d -> !d.offDay()).map(HolidayCalendar.Day::date).toList()))
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutMissingYears() {
        List<Integer> missing = coverage().missingYears();
        if (!missing.isEmpty()) {
            log.warn("No statutory holiday data for {}: working-time deadlines treat those years as plain weeks. "
                    + "Import the year on 系统管理 → 工作日历 or with POST /api/calendar/holidays (holiday-cn JSON).",
                    missing);
        }
    }
}
