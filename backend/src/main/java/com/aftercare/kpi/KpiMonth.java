package com.aftercare.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One month's figures for one customer (or all), and the cases behind each: {@code numerator} and {@code denominator}
 * for the case figures; {@code against} lists the cases that pulled a figure down (for the device figures, the
 * faults that took device time or were open at the end).
 */
public record KpiMonth(YearMonth month, Instant from, Instant to, List<Figure> figures, Incidents incidents,
        Map<KpiName, Drill> drills) {

    /** rate is numerator / denominator, null when there is nothing to count. */
    public record Figure(KpiName kpi, KpiName.Unit unit, long numerator, long denominator, Double rate) {
        static Figure of(KpiName kpi, long numerator, long denominator) {
            return new Figure(kpi, kpi.unit(), numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
        }
    }

    public record Count(String code, long count) {
    }

    /** Faults received in the month, by category and by level ("NONE": not classified / not levelled yet). */
    public record Incidents(long total, List<Count> byCategory, List<Count> byLevel, List<Incident> cases) {
    }

    public record Incident(long id, String category, String level) {
    }

    public record Drill(List<Long> numerator, List<Long> denominator, List<Long> against) {
    }

    public Figure figure(KpiName kpi) {
        return figures.stream().filter(f -> f.kpi() == kpi).findFirst().orElseThrow();
    }
}
