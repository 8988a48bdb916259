package com.aftercare.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the monthly inspection summary (巡检月报, PM-1..PM-5 reported under RP-1) is made from: a customer's
 * inspections due in a period with their checklist lines, the fault cases opened from failed lines and the asset
 * records checked. An inspection belongs to the period its due time (the end of its window) falls in, after the
 * period's start and at the latest at its end (a monthly window is due at 00:00 on the next 1st: its own month), so
 * each one is reported once, in the month it was owed. Nothing is written.
 */
@Service
public class ReadInspectionMonth {

    /**
     * One inspection due in the period. site: null for a plan over all the customer's sites. completedAt: null while
     * not done. faultNumbers: the cases opened from its failed lines, in the order opened.
     */
    public record Row(long id, InspectionKind kind, String site, LocalDate windowStart, Instant dueAt, InspectionStatus status,
            Instant completedAt, int items, int checked, int failed, List<String> faultNumbers, int assetsConfirmed,
            int assetsCorrected) {

        /** Done by its due time. */
        public boolean onTime() {
            return completedAt != null && !completedAt.isAfter(dueAt);
        }

        /** Done after its due time, but before {@code end}. */
        public boolean late(Instant end) {
            return completedAt != null && completedAt.isAfter(dueAt) && completedAt.isBefore(end);
        }

        /** Not done by {@code end} (the period's end: every inspection due in it is then past its due time). */
        public boolean openAt(Instant end) {
            return completedAt == null || !completedAt.isBefore(end);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReadInspectionMonth(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the customer has an inspection plan (active or not): only then is an inspection summary owed. */
    @Transactional(readOnly = true)
    public boolean hasPlan(long customerId) {
        Integer n = jdbc.queryForObject("select count(*) from inspection_plan where customer_id = :customerId",
                new MapSqlParameterSource("customerId", customerId), Integer.class);
        return n != null && n > 0;
    }

    /** The customer's inspections due in (from, to], by due time. */
    @Transactional(readOnly = true)
    public List<Row> of(long customerId, Instant from, Instant to) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("customerId", customerId)
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        record Head(long id, InspectionKind kind, String site, LocalDate windowStart, Instant dueAt, InspectionStatus status,
                Instant completedAt) {
        }
        List<Head> heads = jdbc.query("select i.id, i.kind, s.name, i.window_start, i.due_at, i.status, i.completed_at"
                + " from inspection i left join site s on s.id = i.site_id where i.customer_id = :customerId"
                + " and i.due_at > :from and i.due_at <= :to order by i.due_at, i.id", p,
                (rs, n) -> new Head(rs.getLong(1), InspectionKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getTimestamp(5).toInstant(), InspectionStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()));
        if (heads.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", heads.stream().map(Head::id).toList());
        Map<Long, int[]> lines = new HashMap<>();
        Map<Long, List<String>> faults = new HashMap<>();
        jdbc.query("select c.inspection_id, c.result, t.number from inspection_check c left join ticket t on t.id = c.fault_ticket_id"
                + " where c.inspection_id in (:ids) order by c.id", ids, rs -> {
                    int[] n = lines.computeIfAbsent(rs.getLong(1), k -> new int[3]);
                    n[0]++;
                    String result = rs.getString(2);
                    if (result != null) {
                        n[1]++;
                    }
                    if ("FAIL".equals(result)) {
                        n[2]++;
                    }
                    String number = rs.getString(3);
                    if (number != null) {
                        List<String> numbers = faults.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                        if (!numbers.contains(number)) {
                            numbers.add(number);
                        }
                    }
                });
        Map<Long, int[]> assets = new HashMap<>();
        jdbc.query("select inspection_id, confirmed from inspection_asset_check where inspection_id in (:ids)", ids,
                rs -> {
                    assets.computeIfAbsent(rs.getLong(1), k -> new int[2])[rs.getBoolean(2) ? 0 : 1]++;
                });
        return heads.stream().map(h -> {
            int[] n = lines.getOrDefault(h.id(), new int[3]);
            int[] a = assets.getOrDefault(h.id(), new int[2]);
            return new Row(h.id(), h.kind(), h.site(), h.windowStart(), h.dueAt(), h.status(), h.completedAt(), n[0], n[1], n[2],
                    List.copyOf(faults.getOrDefault(h.id(), List.of())), a[0], a[1]);
        }).toList();
    }
}
