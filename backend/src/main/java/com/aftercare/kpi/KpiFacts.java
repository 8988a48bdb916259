package com.aftercare.kpi;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventCodec;

/**
 * Reads the history the KPIs are computed from, in a few set queries (a read model, like the search feature's):
 * the cases of a customer (or all) that may matter in a window, their milestones, their clocks' final words and the
 * timeline lines that say how they were resolved, whether a request clock ran out, and whether they were a repeat
 * repair or a duplicate. Nothing is written.
 */
@Component
class KpiFacts {

    private final NamedParameterJdbcTemplate jdbc;

    KpiFacts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Devices(int inService) {
    }

    /** The customer's name, or empty if there is no such customer. */
    Optional<String> customerName(long customerId) {
        return jdbc.query("select name from customer where id = :id", new MapSqlParameterSource("id", customerId),
                (rs, i) -> rs.getString(1)).stream().findFirst();
    }

    /**
     * A device that was in service at some time: the day it was put into service (null: before any window asked
     * about) and the day it was retired (null: still in service).
     */
    record DeviceInService(long id, LocalDate commissionedOn, LocalDate retiredOn) {
    }

    /**
     * The devices of the customer, or of all customers when null, that are in service or whose retirement day is
     * known, with their commissioning and retirement days; the calculator counts each between the two. A device retired
     * before its day was kept (V80) has none and counts for no month, as before.
     */
    List<DeviceInService> devicesInService(Long customerId) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String scope = scope(customerId, p);
        return jdbc.query("select d.id, d.commissioned_on, case when d.retired then d.retired_on end from device d"
                + " join site s on s.id = d.site_id where (d.retired = false or d.retired_on is not null)" + scope
                + " order by d.id", p, (rs, i) -> new DeviceInService(rs.getLong(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class)));
    }

    /**
     * Every case that can count in [from, to): received before its end and not closed for the last time before its
     * start (a case closed earlier had its last resolution earlier too).
     */
    List<CaseFacts> cases(Long customerId, Instant from, Instant to) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        String scope = scope(customerId, p);
        record Row(long id, long customerId, boolean fault, String category, String level, Long deviceId, Instant receivedAt) {
        }
        List<Row> rows = jdbc.query("select t.id, s.customer_id, t.request_type, t.category, t.level_code, t.device_id,"
                + " coalesce(t.received_at, t.created_at) from ticket t join site s on s.id = t.site_id"
                + " where coalesce(t.received_at, t.created_at) < :to and (t.closed_at is null or t.closed_at >= :from)" + scope
                + " order by t.id", p, (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), "FAULT".equals(rs.getString(3)),
                        rs.getString(4), rs.getString(5), (Long) rs.getObject(6, Long.class), rs.getTimestamp(7).toInstant()));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<Instant>> resolved = new HashMap<>();
        Map<Long, List<Instant>> reopened = new HashMap<>();
        Map<Long, List<Instant>> closed = new HashMap<>();
        Map<Long, String> how = new HashMap<>();
        Map<Long, Boolean> late = new HashMap<>();
        Set<Long> missed = new HashSet<>();
        Set<Long> repeat = new HashSet<>();
        Set<Long> duplicate = new HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            MapSqlParameterSource q = new MapSqlParameterSource("ids", chunk);
            jdbc.query("select ticket_id, kind, occurred_at from sla_milestone where ticket_id in (:ids)"
                    + " and kind in ('RESOLVED', 'REOPENED', 'CLOSED') order by occurred_at, id", q, rs -> {
                        Map<Long, List<Instant>> into = switch (rs.getString(2)) {
                            case "RESOLVED" -> resolved;
                            case "REOPENED" -> reopened;
                            default -> closed;
                        };
                        into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getTimestamp(3).toInstant());
                    });
            // each clock's final word (MET or MISSED; a reopened case's resumed clock speaks again)
            Map<String, String> finalWord = new LinkedHashMap<>();
            jdbc.query("select ticket_id, clock, kind from sla_clock_log where ticket_id in (:ids) and kind in ('MET', 'MISSED')"
                    + " order by occurred_at, id", q, rs -> {
                        finalWord.put(rs.getLong(1) + "/" + rs.getString(2), rs.getString(3));
                    });
            finalWord.forEach((key, kind) -> {
                if ("MISSED".equals(kind)) {
                    missed.add(Long.valueOf(key.substring(0, key.indexOf('/'))));
                }
            });
            jdbc.query("select ticket_id, kind, params from ticket_event where ticket_id in (:ids)"
                    + " and kind in ('Resolved', 'RequestOverdue', 'RepeatRepairFlagged', 'ClosedAsDuplicate') order by occurred_at, id",
                    q, rs -> {
                        long id = rs.getLong(1);
                        switch (rs.getString(2)) {
                            case "Resolved" -> CaseEventCodec.tryRead("Resolved", rs.getString(3)).ifPresent(e -> {
                                CaseEvent.Resolved r = (CaseEvent.Resolved) e;
                                how.put(id, r.how());
                                late.put(id, r.late());
                            });
                            case "RequestOverdue" -> missed.add(id);
                            case "RepeatRepairFlagged" -> repeat.add(id);
                            default -> duplicate.add(id);
                        }
                    });
        }
        return rows.stream().map(r -> new CaseFacts(r.id(), r.customerId(), r.fault(), r.category(), r.level(), r.deviceId(),
                r.receivedAt(), resolved.getOrDefault(r.id(), List.of()), reopened.getOrDefault(r.id(), List.of()),
                closed.getOrDefault(r.id(), List.of()), how.get(r.id()), late.getOrDefault(r.id(), false), missed.contains(r.id()),
                repeat.contains(r.id()), duplicate.contains(r.id()))).toList();
    }

    private static String scope(Long customerId, MapSqlParameterSource p) {
        if (customerId == null) {
            return "";
        }
        p.addValue("customerId", customerId);
        return " and s.customer_id = :customerId";
    }

    /** IN lists stay well below the databases' parameter limits. */
    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            out.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return out;
    }
}
