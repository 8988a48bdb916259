package com.aftercare.kpi;

import java.time.YearMonth;

import jakarta.validation.constraints.Positive;

/**
 * Which figures: a customer unit (null: all units, staff only; a customer's user always gets their own) and a month
 * (null: the current one) in the configured zone (aftercare.zone).
 */
public record KpiQuery(@Positive Long customerId, YearMonth month) {
}
