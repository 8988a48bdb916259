package com.aftercare.servicereport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aftercare.common.BadRequestException;

/**
 * The days a service report covers, [start, endExclusive) in the service's dates, and the day it is owed by
 * ({@link #dueOn()}). A major fault report covers the day its case closed.
 */
public record ServicePeriod(ServiceReportKind kind, LocalDate start, LocalDate endExclusive) {

    /** The monthly fault summary is owed by this day of the next month (seed 002: 每月5日前). */
    public static final int MONTHLY_DUE_DAY = 5;
    /** The quarterly reports are owed by this day of the month after the quarter (the contracts name no day). */
    public static final int QUARTERLY_DUE_DAY = 10;
    /** The annual summary is owed by this day of January. */
    public static final int ANNUAL_DUE_DAY = 15;

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    public static ServicePeriod day(ServiceReportKind kind, LocalDate day) {
        return new ServicePeriod(kind, day, day.plusDays(1));
    }

    public static ServicePeriod month(YearMonth month) {
        return month(ServiceReportKind.MONTHLY_FAULTS, month);
    }

    public static ServicePeriod month(ServiceReportKind kind, YearMonth month) {
        return new ServicePeriod(kind, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static ServicePeriod quarter(ServiceReportKind kind, int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ServicePeriod(kind, start, start.plusMonths(3));
    }

    public static ServicePeriod year(int year) {
        return new ServicePeriod(ServiceReportKind.ANNUAL, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** The last whole period of {@code kind} before {@code today} (a major fault report: yesterday). */
    public static ServicePeriod before(ServiceReportKind kind, LocalDate today) {
        return switch (kind) {
            case DAILY_LOG, MAJOR_FAULT -> day(kind, today.minusDays(1));
            case MONTHLY_FAULTS, INSPECTION_MONTHLY -> month(kind, YearMonth.from(today).minusMonths(1));
            case QUARTERLY_DEVICES, QUARTERLY_OM -> {
                LocalDate inPrevious = today.withDayOfMonth(1).minusMonths(3);
                yield quarter(kind, inPrevious.getYear(), (inPrevious.getMonthValue() - 1) / 3 + 1);
            }
            case ANNUAL -> year(today.getYear() - 1);
        };
    }

    /** The day the report must be ready by (inclusive): the next day, the 5th, the 10th or 15 January. */
    public LocalDate dueOn() {
        return switch (kind) {
            case DAILY_LOG, MAJOR_FAULT -> endExclusive;
            case MONTHLY_FAULTS, INSPECTION_MONTHLY -> endExclusive.withDayOfMonth(MONTHLY_DUE_DAY);
            case QUARTERLY_DEVICES, QUARTERLY_OM -> endExclusive.withDayOfMonth(QUARTERLY_DUE_DAY);
            case ANNUAL -> endExclusive.withDayOfMonth(ANNUAL_DUE_DAY);
        };
    }

    /**
     * How long after its period a report is still made by the timer when it was not (the server was down, the
     * contract is new): a week for the daily ones, otherwise a month after its due day. Older periods are made only
     * on request, so a new contract is not greeted with a year of overdue reports.
     */
    public LocalDate madeByTimerUntil() {
        return switch (kind) {
            case DAILY_LOG, MAJOR_FAULT -> endExclusive.plusDays(7);
            default -> dueOn().plusMonths(1);
        };
    }

    /**
     * A period as a client names it: "2026-10-05" for a day, "2026-10" for a month, "2026-Q3" for a quarter, "2026"
     * for a year. It must have ended by {@code today}.
     *
     * @throws BadRequestException naming {@code field}
     */
    public static ServicePeriod parse(String field, ServiceReportKind kind, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field, "is required");
        }
        String t = text.strip();
        ServicePeriod period;
        try {
            period = switch (kind) {
                case DAILY_LOG, MAJOR_FAULT -> day(kind, LocalDate.parse(t));
                case MONTHLY_FAULTS, INSPECTION_MONTHLY -> month(kind, YearMonth.parse(t));
                case QUARTERLY_DEVICES, QUARTERLY_OM -> {
                    Matcher m = QUARTER.matcher(t);
                    if (!m.matches()) {
                        throw new BadRequestException(field, "must be a quarter such as 2026-Q3");
                    }
                    yield quarter(kind, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                case ANNUAL -> {
                    if (!YEAR.matcher(t).matches()) {
                        throw new BadRequestException(field, "must be a year such as 2026");
                    }
                    yield year(Integer.parseInt(t));
                }
            };
        } catch (DateTimeParseException e) {
            boolean monthly = kind == ServiceReportKind.MONTHLY_FAULTS || kind == ServiceReportKind.INSPECTION_MONTHLY;
            throw new BadRequestException(field, monthly ? "must be a month such as 2026-10"
                    : "must be a day such as 2026-10-05");
        }
        if (period.start.getYear() < 2000) {
            throw new BadRequestException(field, "must be in 2000 or later");
        }
        if (period.endExclusive.isAfter(today)) {
            throw new BadRequestException(field, "has not ended yet; a report covers a whole period");
        }
        return period;
    }

    /** "2026-10-05", "2026-10", "2026-Q3" or "2026", as the API and file names carry it. */
    public String code() {
        return switch (kind) {
            case DAILY_LOG, MAJOR_FAULT -> start.toString();
            case MONTHLY_FAULTS, INSPECTION_MONTHLY -> YearMonth.from(start).toString();
            case QUARTERLY_DEVICES, QUARTERLY_OM -> start.getYear() + "-Q" + quarterNumber();
            case ANNUAL -> String.valueOf(start.getYear());
        };
    }

    public int quarterNumber() {
        return (start.getMonthValue() - 1) / 3 + 1;
    }
}
