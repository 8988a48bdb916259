package com.aftercare.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.ContractBook;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.support.IntegrationTest;
import com.aftercare.support.QueryPlans;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.SearchTickets;

/**
 * The supervisor board's statements on PostgreSQL walk the open cases' indexes in board order and count from them
 * (issue 17: 100,000 open cases, board under 300 ms; V67, V69, ADRs 0064, 0066). A reworded order or filter
 * that no longer fits its index would pass on a small database and read every open case at a year's scale. Plans are
 * asked with sequential scans off ({@link QueryPlans}).
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the partial covering indexes are PostgreSQL's (V67, V69)")
class BoardPlansTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired FindTicket tickets;
    @Autowired SearchTickets searchTickets;
    @Autowired PolicyCatalog policyCatalog;
    @Autowired ContractBook contractBook;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired Clock clock;

    QueryPlans plans;
    SupervisorBoardService board;

    @BeforeEach
    void boardThatRecordsItsStatements() {
        plans = new QueryPlans(dataSource);
        board = new SupervisorBoardService(tickets, searchTickets, policyCatalog, contractBook, clockEvaluation,
                new NamedParameterJdbcTemplate(plans.recording()), clock);
    }

    /**
     * Besides sequential scans, bitmap scans and sorts (whole and incremental) off: on this small database reading the
     * few open cases and sorting them is cheapest, at 100,000 open cases only walking an index in order stops after a
     * page. With every sort off, the one index that gives the order is the only plan without a Sort node.
     */
    private static final String[] WALKED = {"bitmapscan", "sort", "incremental_sort"};

    private static SupervisorBoardService.Filter sortedBy(String sort) {
        return new SupervisorBoardService.Filter(null, null, null, null, null, sort);
    }

    @Test
    void theDefaultOrderWalksTheOpenCasesIndexWithoutSorting() {
        board.board(sortedBy(null), 0, 50);
        assertThat(plans.explain(plans.only("order by t.board_due"), WALKED)).contains("ix_ticket_open_board").doesNotContain("Sort");
    }

    @Test
    void theLevelOrderWalksItsOwnIndexWithoutSorting() {
        board.board(sortedBy("level"), 0, 50);
        assertThat(plans.explain(plans.only("order by t.level_code"), WALKED)).contains("ix_ticket_open_board_level")
                .doesNotContain("Sort");
    }

    /** The case number's unique index gives this order too; which of the two the planner takes depends on statistics. */
    @Test
    void theCaseNumberOrderWalksAnIndexWithoutSorting() {
        board.board(sortedBy("ticket"), 0, 50);
        assertThat(plans.explain(plans.only("order by t.number"), WALKED)).contains(" Scan using ")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
    }
}
