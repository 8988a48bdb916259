package com.aftercare.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.aftercare.common.BadRequestException;

/** A calendar month or quarter, [start, endExclusive), in the contract's dates. */
public record ReportPeriod(ReportKind kind, LocalDate start, LocalDate endExclusive) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(ReportKind.MONTHLY, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static ReportPeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new ReportPeriod(ReportKind.QUARTERLY, start, start.plusMonths(3));
    }

    /** The last whole month or quarter before {@code today}. */
    public static ReportPeriod before(ReportKind kind, LocalDate today) {
        if (kind == ReportKind.MONTHLY) {
            return month(YearMonth.from(today).minusMonths(1));
        }
        LocalDate inPrevious = today.withDayOfMonth(1).minusMonths(3);
        return quarter(inPrevious.getYear(), (inPrevious.getMonthValue() - 1) / 3 + 1);
    }

    /**
     * A period as a client names it: "2026-10" for a month, "2026-Q3" for a quarter. It must have ended by
     * {@code today}: a report of days still to come would be wrong the moment it is made.
     *
     * @throws BadRequestException naming {@code field}
     */
    public static ReportPeriod parse(String field, ReportKind kind, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException(field, "is required");
        }
        ReportPeriod period;
        if (kind == ReportKind.MONTHLY) {
            Matcher m = MONTH.matcher(text.strip());
            int month = m.matches() ? Integer.parseInt(m.group(2)) : 0;
            if (month < 1 || month > 12) {
                throw new BadRequestException(field, "must be a month such as 2026-10");
            }
            period = month(YearMonth.of(Integer.parseInt(m.group(1)), month));
        } else {
            Matcher m = QUARTER.matcher(text.strip());
            if (!m.matches()) {
                throw new BadRequestException(field, "must be a quarter such as 2026-Q3");
            }
            period = quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (period.start.getYear() < 2000) {
            throw new BadRequestException(field, "must be in 2000 or later");
        }
        if (period.endExclusive.isAfter(today)) {
            throw new BadRequestException(field, "has not ended yet; a report covers a whole month or quarter");
        }
        return period;
    }

    /** "2026-10" or "2026-Q3", as the API and file names carry it. */
    public String code() {
        return kind == ReportKind.MONTHLY ? YearMonth.from(start).toString()
                : start.getYear() + "-Q" + quarterNumber();
    }

    public int quarterNumber() {
        return (start.getMonthValue() - 1) / 3 + 1;
    }
}
