package com.aftercare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockState;
import com.aftercare.sla.ClockStatus;
import com.aftercare.sla.TimeBasis;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.CacheClocks;
import com.aftercare.ticket.Category;

/**
 * The board's counts and risk filter read what CacheClocks keeps on the case (V69, ADR 0066) instead of every open
 * case's clock rows. They must mean exactly what the rows meant: cases in every state (running, at risk, overdue,
 * breached, held at each risk, paused by the calendar only, met and missed, a clock without deadline or without
 * early rung, two clocks whose at-risk spans leave a gap) are counted and filtered at moments before, between and
 * after their instants, and each figure is compared with the definition over the clock rows the board used before.
 */
class BoardRiskKeptOnTheCaseTest extends IntegrationTest {

    /** The definition before V69, over the clock rows: a row's risk at :now. */
    private static final String RISK = "case when c.state = 'PAUSED' then c.paused_risk when c.due_at < :now then 'OVERDUE'"
            + " when c.at_risk_at <= :now then 'AT_RISK' else 'OK' end";

    @Autowired
    SupervisorBoardService board;
    @Autowired
    CacheClocks cacheClocks;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Test
    void countsAndRiskFiltersFromTheCaseMeanWhatTheClockRowsMeantAtEveryMoment() {
        clock.reset();
        Instant t0 = clock.instant();
        List<List<ClockStatus>> cases = List.of(
                // running, nothing near: OK until 1h36
                List.of(running(ClockName.RESPONSE, t0.plus(min(120)), t0.plus(min(96))),
                        running(ClockName.RESOLUTION, t0.plus(min(24 * 60)), t0.plus(min(19 * 60)))),
                // at risk now
                List.of(running(ClockName.RESPONSE, t0.plus(min(10)), t0.minus(min(5)))),
                // one clock breached, the other turning at risk in an hour: overdue and, from then, at risk as well
                List.of(breached(ClockName.RESPONSE, t0.minus(min(60)), t0.minus(min(120))),
                        running(ClockName.RESOLUTION, t0.plus(min(180)), t0.plus(min(60)))),
                // held at risk, another clock running
                List.of(running(ClockName.RESPONSE, t0.plus(min(300)), t0.plus(min(240))),
                        held(ClockName.RESOLUTION, ClockStatus.Risk.AT_RISK)),
                // held overdue
                List.of(held(ClockName.RESOLUTION, ClockStatus.Risk.OVERDUE)),
                // two held clocks, the worst overdue, the other at risk: the risk filter still finds the one at risk
                List.of(held(ClockName.RESPONSE, ClockStatus.Risk.OVERDUE), held(ClockName.RESOLUTION, ClockStatus.Risk.AT_RISK)),
                // held OK only
                List.of(held(ClockName.RESOLUTION, ClockStatus.Risk.OK)),
                // paused by the business calendar only: running as far as time goes
                List.of(calendarPaused(ClockName.RESOLUTION, t0.plus(min(30)), t0.plus(min(20)))),
                // met and missed: stopped clocks leave no rows
                List.of(stopped(ClockName.RESPONSE, ClockState.MET), stopped(ClockName.RESOLUTION, ClockState.MISSED)),
                // no early rung: never at risk, overdue after an hour
                List.of(running(ClockName.RESPONSE, t0.plus(min(60)), null)),
                // at risk from an hour on, no deadline: never overdue
                List.of(running(ClockName.RESPONSE, null, t0.plus(min(60)))),
                // two at-risk spans with a gap: [1h, 2h] and [5h, 6h]; at 3h overdue, not at risk
                List.of(running(ClockName.RESPONSE, t0.plus(min(120)), t0.plus(min(60))),
                        running(ClockName.RESOLUTION, t0.plus(min(360)), t0.plus(min(300)))));
        List<Long> ids = new ArrayList<>();
        try {
            for (List<ClockStatus> statuses : cases) {
                Long id = report(Category.DEFECT).getId();
                ids.add(id);
                cacheClocks.cache(id, statuses);
            }
            compareAtManyMoments(t0, ids);
        } finally {
            // the other tests share the database: our cases get back the clocks their milestones give
            clock.reset();
            ids.forEach(cacheClocks::refresh);
        }
    }

    private void compareAtManyMoments(Instant t0, List<Long> ids) {

        // the cases are what they say at t0 (by the rows): at risk 2 and 4, overdue 3, 5 and 6
        clock.set(t0);
        assertThat(worstByRows(ids, t0)).containsExactly(0, 1, 2, 1, 2, 2, 0, 0, -1, 0, 0, 0);
        // the gap: at 3h the last case is overdue with nothing at risk, at 5h30 overdue and at risk
        assertThat(worstByRows(ids, t0.plus(min(180))).get(11)).isEqualTo(2);
        assertThat(matchesByRows(ids.get(11), t0.plus(min(180)), "AT_RISK")).isFalse();
        assertThat(matchesByRows(ids.get(11), t0.plus(min(330)), "AT_RISK")).isTrue();

        int[] minutes = { -600, -1, 0, 1, 15, 25, 45, 59, 60, 61, 100, 121, 180, 250, 301, 330, 361, 1200, 1500, 100_000 };
        for (int m : minutes) {
            Instant now = t0.plus(min(m));
            clock.set(now);
            SupervisorBoardService.Board all = board.board(new SupervisorBoardService.Filter(null, null, null, null, null, null), 0, 1);
            assertThat(all.counts().byLevel()).as("levels at %d min", m).isEqualTo(levelsByRows(now));
            assertThat(all.counts().byClock()).as("clocks at %d min", m).isEqualTo(clocksByRows(now));
            for (ClockStatus.Risk risk : ClockStatus.Risk.values()) {
                for (ClockName name : new ClockName[] { null, ClockName.RESPONSE, ClockName.RESOLUTION }) {
                    SupervisorBoardService.Filter filter = new SupervisorBoardService.Filter(null, name, null, null, risk, null);
                    SupervisorBoardService.Board filtered = board.board(filter, 0, 200);
                    assertThat(filtered.matching()).as("%s %s at %d min", risk, name, m).isEqualTo(matchingByRows(now, risk, name));
                    // the page lists exactly those of our cases the rows select
                    List<Long> listed = filtered.rows().stream().map(SupervisorBoardService.Row::ticketId).filter(ids::contains).toList();
                    List<Long> expected = ids.stream().filter(id -> matchesByRows(id, now, risk.name(), name)).toList();
                    if (filtered.matching() <= 200) {
                        assertThat(listed).as("%s %s at %d min", risk, name, m).containsExactlyInAnyOrderElementsOf(expected);
                    }
                }
            }
        }
    }

    // --- the definitions before V69, over board_clock ---

    private List<Integer> worstByRows(List<Long> ids, Instant now) {
        return ids.stream().map(id -> jdbc.queryForObject("select coalesce(max(case " + RISK + " when 'OVERDUE' then 2"
                + " when 'AT_RISK' then 1 else 0 end), -1) from board_clock c where c.ticket_id = :id",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("id", id), Integer.class)).toList();
    }

    private List<SupervisorBoardService.LevelCount> levelsByRows(Instant now) {
        return jdbc.query("select coalesce(t.level_code, '-') lvl, count(*) open_count,"
                + " sum(case when w.worst = 1 then 1 else 0 end) at_risk, sum(case when w.worst = 2 then 1 else 0 end) overdue"
                + " from ticket t left join (select c.ticket_id, max(case " + RISK + " when 'OVERDUE' then 2 when 'AT_RISK'"
                + " then 1 else 0 end) worst from board_clock c group by c.ticket_id) w on w.ticket_id = t.id"
                + " where t.status <> 'CLOSED' group by coalesce(t.level_code, '-') order by lvl", Map.of("now", Timestamp.from(now)),
                (rs, i) -> new SupervisorBoardService.LevelCount(rs.getString("lvl"), rs.getInt("open_count"),
                        rs.getInt("at_risk"), rs.getInt("overdue")));
    }

    private List<SupervisorBoardService.ClockCount> clocksByRows(Instant now) {
        Map<String, SupervisorBoardService.ClockCount> byClock = new java.util.HashMap<>();
        jdbc.query("select c.clock, sum(case when c.state = 'PAUSED' then 0 else 1 end) running,"
                + " sum(case when c.state = 'PAUSED' then 1 else 0 end) paused,"
                + " sum(case when " + RISK + " = 'AT_RISK' then 1 else 0 end) at_risk,"
                + " sum(case when " + RISK + " = 'OVERDUE' then 1 else 0 end) overdue"
                + " from board_clock c join ticket t on t.id = c.ticket_id where t.status <> 'CLOSED' group by c.clock",
                Map.of("now", Timestamp.from(now)), rs -> {
                    byClock.put(rs.getString("clock"), new SupervisorBoardService.ClockCount(rs.getString("clock"),
                            rs.getInt("running"), rs.getInt("paused"), rs.getInt("at_risk"), rs.getInt("overdue")));
                });
        return java.util.Arrays.stream(ClockName.values()).map(c -> byClock.get(c.name())).filter(java.util.Objects::nonNull).toList();
    }

    private long matchingByRows(Instant now, ClockStatus.Risk risk, ClockName name) {
        Long n = jdbc.queryForObject("select count(*) from ticket t join site s on s.id = t.site_id where t.status <> 'CLOSED'"
                + " and exists (select 1 from board_clock c where c.ticket_id = t.id" + (name == null ? "" : " and c.clock = :clock")
                + " and " + RISK + " = :risk)", new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("risk", risk.name()).addValue("clock", name == null ? null : name.name()), Long.class);
        return n == null ? 0 : n;
    }

    private boolean matchesByRows(Long id, Instant now, String risk) {
        return matchesByRows(id, now, risk, null);
    }

    private boolean matchesByRows(Long id, Instant now, String risk, ClockName name) {
        Long n = jdbc.queryForObject("select count(*) from board_clock c where c.ticket_id = :id"
                + (name == null ? "" : " and c.clock = :clock") + " and " + RISK + " = :risk",
                new MapSqlParameterSource("now", Timestamp.from(now)).addValue("id", id).addValue("risk", risk)
                        .addValue("clock", name == null ? null : name.name()), Long.class);
        return n != null && n > 0;
    }

    // --- clocks as the clock engine hands them to CacheClocks ---

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static ClockStatus running(ClockName name, Instant due, Instant atRisk) {
        return status(name, ClockState.RUNNING, due, atRisk, ClockStatus.Risk.OK, null);
    }

    private static ClockStatus breached(ClockName name, Instant due, Instant atRisk) {
        return status(name, ClockState.BREACHED, due, atRisk, ClockStatus.Risk.OVERDUE, null);
    }

    private static ClockStatus held(ClockName name, ClockStatus.Risk risk) {
        return status(name, ClockState.PAUSED, null, null, risk, null);
    }

    private static ClockStatus calendarPaused(ClockName name, Instant calendarDue, Instant atRisk) {
        return status(name, ClockState.PAUSED, null, atRisk, ClockStatus.Risk.OK, calendarDue);
    }

    private static ClockStatus stopped(ClockName name, ClockState state) {
        return status(name, state, null, null, ClockStatus.Risk.OK, null);
    }

    private static ClockStatus status(ClockName name, ClockState state, Instant due, Instant atRisk, ClockStatus.Risk risk,
            Instant calendarDue) {
        return new ClockStatus(name, true, TimeBasis.NATURAL, Duration.ofHours(4), state, Instant.EPOCH, due, null, null,
                Duration.ZERO, Duration.ofMinutes(30), risk, 0, null, null, List.of(), List.of(), atRisk, calendarDue);
    }
}
