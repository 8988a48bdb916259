package com.aftercare.calendar;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;

@RestController
class HolidayController {

    private final HolidayService holidays;
    private final ImportHolidayYear importHolidayYear;
    private final ListRetimingsToCheck listRetimingsToCheck;
    private final RetryRetiming retryRetiming;
    private final RetimeSkippedCase retimeSkippedCase;

    HolidayController(HolidayService holidays, ImportHolidayYear importHolidayYear,
            ListRetimingsToCheck listRetimingsToCheck, RetryRetiming retryRetiming, RetimeSkippedCase retimeSkippedCase) {
        this.holidays = holidays;
        this.importHolidayYear = importHolidayYear;
        this.listRetimingsToCheck = listRetimingsToCheck;
        this.retryRetiming = retryRetiming;
        this.retimeSkippedCase = retimeSkippedCase;
    }

    /** Which years the working-time calendar knows, and which of this and next year it does not. */
    @GetMapping("/api/calendar/holidays")
    HolidayService.Coverage coverage() {
        return holidays.coverage();
    }

    /** One year's off days and make-up workdays by holiday, shipped or imported (by whom, when); 404 if unknown. */
    @GetMapping("/api/calendar/holidays/{year}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SERVICE_DESK','PROCESS_OWNER')")
    HolidayService.YearView year(@PathVariable int year) {
        return holidays.year(year);
    }

    /**
     * What an import of this document would store, checked exactly as the import checks it, and how many open cases
     * it would re-time; stores nothing.
     */
    @PostMapping(value = "/api/calendar/holidays/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    HolidayService.Preview preview(@RequestBody(required = false) String json) {
        return importHolidayYear.preview(json);
    }

    /**
     * Imports one year in the holiday-cn format ({"year":2027,"days":[{"name","date","isOffDay"}]}) and re-times the
     * open cases whose working-time deadlines it moves (openCasesRetimed).
     */
    @PostMapping(value = "/api/calendar/holidays", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    ImportHolidayYear.HolidaysImported importYear(@RequestBody(required = false) String json) {
        return importHolidayYear.importYear(json, CurrentUser.username());
    }

    /**
     * The imports' re-timings someone has to act on (ADR 0083): given up (an admin may try again), or with open cases it
     * could not re-time (their numbers, for a supervisor to check those deadlines by hand). Empty when all is well.
     */
    @GetMapping("/api/calendar/holidays/retimings")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR','SERVICE_DESK','PROCESS_OWNER')")
    java.util.List<ListRetimingsToCheck.RetimingToCheck> retimingsToCheck() {
        return listRetimingsToCheck.list();
    }

    /** Another try at a re-timing given up, from where it stopped; 409 when it is not given up. */
    @PostMapping("/api/calendar/holidays/retimings/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('ADMIN')")
    void retryRetiming(@PathVariable long id) {
        retryRetiming.retry(id, CurrentUser.username());
    }

    /**
     * Re-times one case the re-timing skipped, on the calendar now in force (ADR 0086), once its cause is mended; 404
     * when it did not skip that case, 409 when the case was re-timed already (a second click), is closed, or still fails.
     */
    @PostMapping("/api/calendar/holidays/retimings/{id}/skipped/{ticketId}/retime")
    @PreAuthorize("hasRole('ADMIN')")
    RetimeSkippedCase.Retimed retimeSkippedCase(@PathVariable long id, @PathVariable long ticketId) {
        return retimeSkippedCase.retime(id, ticketId, CurrentUser.username());
    }
}
