package com.aftercare.calendar;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;

@RestController
class HolidayController {

    private final HolidayService holidays;

    HolidayController(HolidayService holidays) {
        this.holidays = holidays;
    }

    /** Which years the working-time calendar knows, and which of this and next year it does not. */
    @GetMapping("/api/calendar/holidays")
    HolidayService.Coverage coverage() {
        return holidays.coverage();
    }

    /** Imports one year in the holiday-cn format ({"year":2027,"days":[{"name","date","isOffDay"}]}). */
    @PostMapping(value = "/api/calendar/holidays", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> importYear(@RequestBody String json) {
        return Map.of("year", holidays.importYear(json, CurrentUser.username()));
    }
}
