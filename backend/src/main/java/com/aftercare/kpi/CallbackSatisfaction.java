package com.aftercare.kpi;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseEventCodec;

/**
 * The closing callback's score, read from the timeline line the completed callback wrote (the ticket row's own
 * field keeps only the latest word and is not history). A case called back twice keeps its last score.
 */
@Component
class CallbackSatisfaction {

    static final String FIELD = "satisfaction";

    private final NamedParameterJdbcTemplate jdbc;

    CallbackSatisfaction(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last callback score given for each of these cases; cases without one are absent. */
    Map<Long, Integer> scores(Collection<Long> ticketIds) {
        Map<Long, Integer> scores = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return scores;
        }
        List<Object[]> rows = jdbc.query("select e.ticket_id, e.params from ticket_event e where e.kind = 'TaskCompleted'"
                + " and e.ticket_id in (:ids) and e.params like '%\"" + FIELD + "\"%' order by e.occurred_at, e.id",
                new MapSqlParameterSource("ids", ticketIds), (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) });
        for (Object[] row : rows) {
            if (CaseEventCodec.tryRead("TaskCompleted", (String) row[1]).orElse(null) instanceof CaseEvent.TaskCompleted done) {
                for (CaseEvent.FieldValue v : done.values()) {
                    if (FIELD.equals(v.field()) && v.value() != null && v.value().toString().matches("[1-5]")) {
                        scores.put((Long) row[0], Integer.valueOf(v.value().toString()));
                    }
                }
            }
        }
        return scores;
    }
}
