package com.aftercare.hotline;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.aftercare.common.BadRequestException;

/** A calendar month in the product's zone (aftercare.zone), as [from, to) instants; null means the current one. */
record HotlineMonth(YearMonth month, Instant from, Instant to) {

    static HotlineMonth of(String month, Clock clock) {
        YearMonth m;
        if (month == null || month.isBlank()) {
            m = YearMonth.now(clock);
        } else {
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new BadRequestException("month", "must be yyyy-MM, e.g. 2026-12");
            }
        }
        return new HotlineMonth(m, m.atDay(1).atStartOfDay(clock.getZone()).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
