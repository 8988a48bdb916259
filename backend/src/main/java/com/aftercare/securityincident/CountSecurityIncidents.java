package com.aftercare.securityincident;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many security incidents happened, of which kinds and with what impact (seed 003, 系统运行的主要统计项目: 发生安全事件的
 * 次数、类型和影响), by the month they occurred in the product's zone. Supervisors and administrators for any unit or all;
 * a customer's user for their own unit.
 */
@Service
public class CountSecurityIncidents {

    /** Three years at most: a longer span is a mistake in the dates more often than a question. */
    static final int MAX_MONTHS = 36;

    @Schema(name = "SecurityIncidentKindCount")
    public record KindCount(SecurityIncidentKind kind, long count) {
    }

    @Schema(name = "SecurityImpactCount")
    public record ImpactCount(SecurityImpact impact, long count) {
    }

    @Schema(name = "SecurityIncidentMonthCount")
    public record MonthCount(String month, long count) {
    }

    /** open: of those counted, the ones not closed yet. */
    @Schema(name = "SecurityIncidentStats")
    public record Stats(String from, String to, long total, long open, List<KindCount> byKind, List<ImpactCount> byImpact,
            List<MonthCount> byMonth) {
    }

    private final SecurityIncidentRepository incidents;
    private final Clock clock;

    CountSecurityIncidents(SecurityIncidentRepository incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Stats count(String fromMonth, String toMonth, Long customerId) {
        Long unit;
        if (CurrentUser.isCustomer()) {
            unit = SecurityIncidentActor.ownUnit();
        } else if (SecurityIncidentActor.isInvestigator()) {
            unit = customerId;
        } else {
            throw new ForbiddenException("Only supervisors, administrators and the customer read the incident counts");
        }
        YearMonth to = month(toMonth, "to", YearMonth.now(clock));
        YearMonth from = month(fromMonth, "from", to.minusMonths(11));
        if (from.isAfter(to)) {
            throw new BadRequestException("from", "is after to");
        }
        if (from.plusMonths(MAX_MONTHS - 1L).isBefore(to)) {
            throw new BadRequestException("from", "may be at most " + MAX_MONTHS + " months before to");
        }
        Instant start = from.atDay(1).atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();

        Map<YearMonth, Long> months = new LinkedHashMap<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.put(m, 0L);
        }
        Map<SecurityIncidentKind, Long> kinds = new EnumMap<>(SecurityIncidentKind.class);
        Map<SecurityImpact, Long> impacts = new EnumMap<>(SecurityImpact.class);
        long total = 0;
        long open = 0;
        for (Object[] row : incidents.occurredBetween(start, end, unit)) {
            total++;
            months.merge(YearMonth.from(((Instant) row[0]).atZone(clock.getZone())), 1L, Long::sum);
            kinds.merge((SecurityIncidentKind) row[1], 1L, Long::sum);
            impacts.merge((SecurityImpact) row[2], 1L, Long::sum);
            if (row[3] != SecurityIncidentStatus.CLOSED) {
                open++;
            }
        }
        List<KindCount> byKind = new ArrayList<>();
        kinds.forEach((k, n) -> byKind.add(new KindCount(k, n)));
        // most first; equal counts in the contract's order of kinds (the sort is stable)
        byKind.sort((a, b) -> Long.compare(b.count(), a.count()));
        List<ImpactCount> byImpact = new ArrayList<>();
        impacts.forEach((i, n) -> byImpact.add(new ImpactCount(i, n)));
        List<MonthCount> byMonth = new ArrayList<>();
        months.forEach((m, n) -> byMonth.add(new MonthCount(m.toString(), n)));
        return new Stats(from.toString(), to.toString(), total, open, byKind, byImpact, byMonth);
    }

    private static YearMonth month(String value, String field, YearMonth otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "is not a month like 2026-12");
        }
    }
}
