package com.aftercare.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.engineer.EngineerService;

/**
 * The reassign picker (issue 15): every engineer who may be given work, with their region and open jobs (open cases
 * they hold). The jobs are counted by the database, one row per engineer: loading every open case to count them
 * in memory read 100,000 tickets with their sites at a year of cases (issue 17).
 */
@Service
class ListEngineerWorkloads {

    record EngineerLoad(String username, String displayName, String team, String region, long openJobs) {
    }

    private final EngineerService engineers;
    private final JdbcTemplate jdbc;

    ListEngineerWorkloads(EngineerService engineers, JdbcTemplate jdbc) {
        this.engineers = engineers;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    List<EngineerLoad> list() {
        Map<String, Long> open = openJobsByAssignee();
        return engineers.available().stream()
                .map(e -> new EngineerLoad(e.getUsername(), e.getDisplayName(), e.getTeam() == null ? null : e.getTeam().getName(),
                        e.getRegion() == null ? null : e.getRegion().name(), open.getOrDefault(e.getUsername(), 0L)))
                .toList();
    }

    /** Open cases per assignee: one aggregate over the open cases that have one (partial index of V62). */
    Map<String, Long> openJobsByAssignee() {
        Map<String, Long> open = new HashMap<>();
        jdbc.query("select assignee, count(*) jobs from ticket where status <> 'CLOSED' and assignee is not null"
                + " group by assignee", rs -> {
                    open.put(rs.getString("assignee"), rs.getLong("jobs"));
                });
        return open;
    }
}
