package com.aftercare.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

/**
 * Turns a query into whose figures and which window: a customer's user sees only their unit (another unit's id
 * answers 404, as if it did not exist); a month starts at 00:00 on its 1st in aftercare.zone and the current
 * month ends now. A future month is bad input.
 */
@Component
class KpiScope {

    record Resolved(Long customerId, String customerName, YearMonth month, Instant from, Instant to) {
    }

    private final KpiFacts facts;
    private final Clock clock;

    KpiScope(KpiFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    Resolved resolve(KpiQuery query) {
        Long customerId = query.customerId();
        Long own = CurrentUser.scopeCustomerId();
        if (own != null) {
            if (customerId != null && !customerId.equals(own)) {
                throw new NotFoundException("No customer " + customerId);
            }
            customerId = own;
        }
        String name = null;
        if (customerId != null) {
            long id = customerId;
            name = facts.customerName(id).orElseThrow(() -> new NotFoundException("No customer " + id));
        }
        YearMonth current = YearMonth.now(clock);
        YearMonth month = query.month() == null ? current : query.month();
        if (month.isAfter(current)) {
            throw new BadRequestException("month", "must not be after the current month");
        }
        return new Resolved(customerId, name, month, start(month), end(month));
    }

    /** 00:00 of the day in the service's zone. */
    Instant startOf(java.time.LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(zone()).toInstant();
    }

    /** The month's end, or now while it runs. */
    Instant end(YearMonth month) {
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant();
        Instant now = clock.instant();
        return now.isBefore(end) ? now : end;
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
