package com.aftercare.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The figures of one window from the facts, with no clock and no database (so a month can be recomputed from the
 * history at any time and tested by hand count). The definitions are README's "KPI dashboard" section, word for word.
 */
final class KpiCalculator {

    static final String NONE = "NONE";

    private KpiCalculator() {
    }

    /**
     * A device, the instant it went into service (its commissioning day's start; null: before any window) and the
     * instant it left it (its retirement day's start; null: still in service).
     */
    record Device(long id, Instant since, Instant until) {

        /** A device still in service. */
        Device(long id, Instant since) {
            this(id, since, null);
        }

        static List<Device> always(List<Long> ids) {
            return ids.stream().map(id -> new Device(id, null)).toList();
        }

        /** When the device counts in [from, to): from its commissioning on, or from the window's start. */
        Instant countsFrom(Instant from) {
            return since == null || since.isBefore(from) ? from : since;
        }

        /** Until when the device counts in [from, to): until its retirement, or to the window's end. */
        Instant countsUntil(Instant to) {
            return until == null || until.isAfter(to) ? to : until;
        }
    }

    static KpiMonth compute(YearMonth month, Instant from, Instant to, List<CaseFacts> all, List<Device> devices,
            Map<Long, Integer> scores) {
        List<CaseFacts> closed = all.stream().filter(c -> c.closedWithin(from, to) != null)
                .sorted(Comparator.comparing((CaseFacts c) -> c.closedWithin(from, to)).thenComparing(CaseFacts::id)).toList();
        List<CaseFacts> faults = closed.stream().filter(CaseFacts::fault).toList();
        List<KpiMonth.Figure> figures = new ArrayList<>();
        Map<KpiName, KpiMonth.Drill> drills = new LinkedHashMap<>();

        List<CaseFacts> scored = closed.stream().filter(c -> scores.containsKey(c.id())).toList();
        rate(KpiName.SATISFACTION, scored, c -> scores.get(c.id()) >= SatisfactionScores.SATISFIED_FROM, figures, drills);
        rate(KpiName.CYCLE_COMPLIANCE, closed, c -> !c.clockMissed(), figures, drills);
        rate(KpiName.REPEAT_SERVICE, closed, c -> c.wasReopened() || c.repeatRepair(), figures, drills);
        rate(KpiName.REPAIR_TIMELINESS, faults, c -> c.lastResolvedHow() != null && !c.lastResolvedLate(), figures, drills);
        rate(KpiName.FIRST_LINE, faults, c -> "AT_DESK".equals(c.lastResolvedHow()), figures, drills);

        // in service in the window: commissioned before its end and not retired before its start (README "KPI dashboard")
        Map<Long, Instant> countsFrom = new LinkedHashMap<>();
        Map<Long, Instant> countsUntil = new HashMap<>();
        devices.stream().filter(d -> d.countsFrom(from).isBefore(d.countsUntil(to))).forEach(d -> {
            countsFrom.put(d.id(), d.countsFrom(from));
            countsUntil.put(d.id(), d.countsUntil(to));
        });
        Set<Long> inService = countsFrom.keySet();
        List<CaseFacts> deviceFaults = all.stream()
                .filter(c -> c.fault() && !c.duplicate() && c.deviceId() != null && inService.contains(c.deviceId())).toList();
        // availability: the union of each device's down spans inside the window, from its commissioning on
        Map<Long, List<Instant[]>> spansByDevice = new HashMap<>();
        Set<Long> tookTime = new LinkedHashSet<>();
        for (CaseFacts c : deviceFaults) {
            Instant deviceFrom = countsFrom.get(c.deviceId());
            Instant deviceUntil = countsUntil.get(c.deviceId());
            for (Instant[] s : c.downSpans()) {
                Instant start = s[0].isBefore(deviceFrom) ? deviceFrom : s[0];
                Instant end = s[1] == null || s[1].isAfter(deviceUntil) ? deviceUntil : s[1];
                if (start.isBefore(end)) {
                    spansByDevice.computeIfAbsent(c.deviceId(), k -> new ArrayList<>()).add(new Instant[] { start, end });
                    tookTime.add(c.id());
                }
            }
        }
        long downSeconds = 0;
        for (List<Instant[]> spans : spansByDevice.values()) {
            downSeconds += union(spans);
        }
        // each device's whole minutes from when it counts (the window's start, or its commissioning) to the window's end
        // (or its retirement)
        long totalMinutes = countsFrom.entrySet().stream()
                .mapToLong(f -> Duration.between(f.getValue(), countsUntil.get(f.getKey())).toSeconds() / 60).sum();
        long downMinutes = Math.min(totalMinutes, (downSeconds + 59) / 60);
        figures.add(KpiMonth.Figure.of(KpiName.AVAILABILITY, totalMinutes - downMinutes, totalMinutes));
        drills.put(KpiName.AVAILABILITY, new KpiMonth.Drill(List.of(), List.of(), List.copyOf(tookTime)));

        // good order: the devices in service at the window's end (not retired before it) without a fault open then
        Set<Long> atEnd = new LinkedHashSet<>();
        inService.stream().filter(id -> countsUntil.get(id).equals(to)).forEach(atEnd::add);
        Set<Long> faultyDevices = new LinkedHashSet<>();
        List<Long> openAtEnd = new ArrayList<>();
        for (CaseFacts c : deviceFaults) {
            boolean open = atEnd.contains(c.deviceId())
                    && c.downSpans().stream().anyMatch(s -> s[0].isBefore(to) && (s[1] == null || !s[1].isBefore(to)));
            if (open) {
                faultyDevices.add(c.deviceId());
                openAtEnd.add(c.id());
            }
        }
        figures.add(KpiMonth.Figure.of(KpiName.GOOD_ORDER, atEnd.size() - faultyDevices.size(), atEnd.size()));
        drills.put(KpiName.GOOD_ORDER, new KpiMonth.Drill(List.of(), List.of(), openAtEnd));

        List<KpiMonth.Incident> incidents = all.stream()
                .filter(c -> c.fault() && !c.duplicate() && !c.receivedAt().isBefore(from) && c.receivedAt().isBefore(to))
                .map(c -> new KpiMonth.Incident(c.id(), c.category() == null ? NONE : c.category(),
                        c.level() == null ? NONE : c.level()))
                .toList();
        return new KpiMonth(month, from, to, figures, new KpiMonth.Incidents(incidents.size(),
                counts(incidents, KpiMonth.Incident::category), counts(incidents, KpiMonth.Incident::level), incidents), drills);
    }

    private static void rate(KpiName kpi, List<CaseFacts> counted, Predicate<CaseFacts> good, List<KpiMonth.Figure> figures,
            Map<KpiName, KpiMonth.Drill> drills) {
        List<Long> all = counted.stream().map(CaseFacts::id).toList();
        List<Long> yes = counted.stream().filter(good).map(CaseFacts::id).toList();
        List<Long> no = counted.stream().filter(good.negate()).map(CaseFacts::id).toList();
        figures.add(KpiMonth.Figure.of(kpi, yes.size(), all.size()));
        drills.put(kpi, new KpiMonth.Drill(yes, all, no));
    }

    private static List<KpiMonth.Count> counts(List<KpiMonth.Incident> incidents,
            java.util.function.Function<KpiMonth.Incident, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        incidents.forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new KpiMonth.Count(e.getKey(), e.getValue())).toList();
    }

    /** Seconds covered by the union of the spans. */
    private static long union(List<Instant[]> spans) {
        List<Instant[]> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparing(s -> s[0]));
        long total = 0;
        Instant start = null;
        Instant end = null;
        for (Instant[] s : sorted) {
            if (end == null || s[0].isAfter(end)) {
                if (end != null) {
                    total += Duration.between(start, end).toSeconds();
                }
                start = s[0];
                end = s[1];
            } else if (s[1].isAfter(end)) {
                end = s[1];
            }
        }
        if (end != null) {
            total += Duration.between(start, end).toSeconds();
        }
        return total;
    }
}
