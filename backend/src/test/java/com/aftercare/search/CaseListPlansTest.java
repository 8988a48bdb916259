package com.aftercare.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.support.QueryPlans;
import com.aftercare.ticket.TicketSummaries;

/**
 * The ticket list's statements on PostgreSQL can each be served by the index made for them over a year of cases
 * (issue 17, ADRs 0059, 0068): a statement reworded so that its index no longer fits would still pass every other
 * test on a small database and only be slow at a million cases. The plans are asked with sequential scans off
 * ({@link QueryPlans}), so they do not depend on this database's size or statistics.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the indexes are PostgreSQL's (V60, V70-V72); H2 plans differently")
class CaseListPlansTest extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired TicketSummaries summaries;
    @Autowired Clock clock;

    QueryPlans plans;
    SearchCases search;

    @BeforeEach
    void searchThatRecordsItsStatements() {
        plans = new QueryPlans(dataSource);
        DataSource recording = plans.recording();
        search = new SearchCases(new NamedParameterJdbcTemplate(recording), recording, summaries, clock);
    }

    private static CaseQuery query(String text, String assignee, LocalDate from, LocalDate to) {
        return new CaseQuery(text, null, null, null, assignee, null, null, null, from, to, false, null, null, 0, 20);
    }

    /** V72: an engineer's cases, newest first, are one range of their own index, read in order (no sort). */
    @Test
    void anEngineersCasesNewestFirstAreOneRangeOfTheirIndex() {
        search.search(query(null, "engineer7", null, null));

        String page = plans.explain(plans.only("order by t.created_at desc"));
        assertThat(page).contains("ix_ticket_assignee_created").doesNotContain("Sort");
        assertThat(plans.explain(plans.only("select count(*)"))).contains("ix_ticket_assignee_created");
    }

    /** V70: a month's cases are counted and paged from the covering index alone (index-only scans, no rows read). */
    @Test
    void aMonthIsCountedAndPagedFromItsCoveringIndex() {
        search.search(query(null, null, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)));

        assertThat(plans.explain(plans.only("select count(*)"))).contains("Index Only Scan using ix_ticket_received_cover");
        assertThat(plans.explain(plans.only("offset 0"))).contains("Index Only Scan using ix_ticket_received_cover");
    }

    /**
     * V34, V71: a text search narrows the cases, the messages and the devices each by their bigram index; the
     * device's expression must be repeated exactly (aftercare_device_text) for its index to apply.
     */
    @Test
    void aTextSearchNarrowsCasesMessagesAndDevicesByTheirBigramIndexes() {
        search.search(query("北门球机", null, null, null));

        assertThat(plans.explain(plans.only("from device d"))).contains("ix_device_search_bigrams");
        assertThat(plans.explain(plans.only("select t.id from ticket t where 1 = 1 and aftercare_bigrams")))
                .contains("ix_ticket_search_bigrams");
        assertThat(plans.explain(plans.only("from conversation_message m join ticket t")))
                .contains("ix_message_search_bigrams");
    }
}
