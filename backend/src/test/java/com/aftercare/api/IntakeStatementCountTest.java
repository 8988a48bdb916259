package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.apitoken.IssueApiToken;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;

/**
 * What one fault report costs the database, pinned on H2 and PostgreSQL (issue 17): every SQL statement of a whole {@code POST /api/tickets}
 * (sign-in by API token, validation, the ticket, its timeline and clocks, the engine's start of the case with its
 * history, the audit chain, the answer) is counted at the JDBC level, as {@link InboxQueryCountTest} counts the inbox;
 * a JDBC batch counts once. A change that adds statements to intake fails here and has to raise the figure on purpose
 * (README "Intake speed", docs/benchmarks.md). Same context as InboxQueryCountTest (its counted data source).
 */
@CountedStatementsContext
class IntakeStatementCountTest extends IntegrationTest {

    /**
     * Round trips of one fault report with a device, signed in by API token (a JDBC batch counts once): 24 since ADR
     * 0095 took the owner of the ticket's audit entries from the site the report had loaded instead of asking the
     * database for the site's customer again. 25 since ADR
     * 0090 wrote the new ticket's row once, after its opening, instead of inserting it before and updating it at
     * commit. 26 measured on H2 (the log line lists them; PostgreSQL's server log of a report shows the same statements) since ADR 0076 took the ids of milestones and timeline lines from
     * pooled sequences, so the report's three milestones and two timeline lines go out as two batches at commit
     * instead of five inserts. 29 since ADR 0074 handed the milestones an opening recorded to the escalation's first clock evaluation instead
     * of querying them, and let the warranty step's device query of a case being opened run without flushing the
     * ticket first (one UPDATE of it at commit instead of two). 31 since ADR 0065 read the customer's assignment as keys only (one statement for the contract and the policy
     * version), answered the latest fault-intake, escalation and level-decision versions from the engine's cache under
     * one repository stamp (one statement for three), and asked the warranty step's two device questions in one
     * statement. 35 since ADR 0062 stopped reading what a case being opened cannot have (its warranty assessment, clock log and
     * board rows, the new task's local variables), wrote the ticket's number with its insert, found the owner of the
     * ticket's children from the ticket's own row and read the audit head with its update. 42 since ADR 0058 stopped writing activity and variable instances and the operation log to the engine's
     * history (45 before it; 44 before ADR 0057 replaced the read of the device's whole history by two bounded questions, both
     * needed, each cheap however long the history). 51 was the ceiling before: 49 after ADR 0053 trimmed the path (from 61: three "clocks changed" correlations before the escalation
     * existed, re-reads of the ticket just written with the updates they flushed, a read before inserting the warranty
     * assessment, the answer's re-read), plus the board's clock rows the escalation's first evaluation writes (a delete
     * and one batch insert, ADR 0056); 58 before the remote-guidance clock (IN-4) started with the first-line task.
     */
    static final int MOST_STATEMENTS_PER_REPORT = 24;

    /**
     * On PostgreSQL one fewer: the audit entries and the chain head's new hash go as one statement there (ADR 0093),
     * H2 sends them as a batch and an update.
     */
    static final int MOST_STATEMENTS_PER_REPORT_ON_POSTGRES = 23;

    /**
     * Sequences whose next block of 50 ids (ADR 0076) a report may have to fetch: one round trip every 50 rows, so
     * whether the counted report fetches one depends on what the context wrote before. Counted apart, at most once each.
     */
    private static final List<String> BLOCK_FETCHES = List.of("sla_milestone_seq", "ticket_event_seq");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired IssueApiToken issueApiToken;
    @Autowired EntityManagerFactory entityManagerFactory;
    ApiClient api;
    String bearer;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        bearer = "Bearer " + issueApiToken.issue(new IssueApiToken.Command("intake count " + System.nanoTime(), Role.SERVICE_DESK, null)).token();
    }

    @Test
    void aFaultReportRunsAPinnedNumberOfStatements() {
        // the first report of a context reads the models, decisions and forms once; the second is what every report costs
        post();
        int[] status = new int[1];
        int statements = InboxQueryCountTest.STATEMENTS.during(() -> status[0] = post());
        assertThat(status[0]).isEqualTo(201);
        LoggerFactory.getLogger(getClass()).info("POST /api/tickets: {} round trips ({} rows of statements):\n  {}", statements,
                InboxQueryCountTest.STATEMENTS.executed(), String.join("\n  ", InboxQueryCountTest.STATEMENTS.sql));
        assertThat(statements).as("statements were counted at all").isPositive();
        List<String> sql = List.copyOf(InboxQueryCountTest.STATEMENTS.sql);
        long blockFetches = sql.stream().filter(q -> BLOCK_FETCHES.stream().anyMatch(q::contains)).count();
        assertThat(blockFetches).as("blocks of ids fetched").isLessThanOrEqualTo(BLOCK_FETCHES.size());
        boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
        assertThat(statements - blockFetches)
                .isLessThanOrEqualTo(postgres ? MOST_STATEMENTS_PER_REPORT_ON_POSTGRES : MOST_STATEMENTS_PER_REPORT);
        // the audit chain: on PostgreSQL the report's entries and the head's new hash in one statement (ADR 0093)
        if (postgres) {
            assertThat(sql).anyMatch(q -> q.startsWith("with entries as (insert into audit_log"))
                    .noneMatch(q -> q.startsWith("update audit_chain_head set last_hash"));
        } else {
            assertThat(sql).anyMatch(q -> q.contains("insert into audit_log")).anyMatch(q -> q.startsWith("update audit_chain_head set last_hash"));
        }
        // ADR 0095: the audit entries' owner is the customer of the site the report loaded, not asked for again
        assertThat(sql).noneMatch(q -> q.contains("from site where"));
        // on PostgreSQL the caller's intake limit is shared by the nodes: its row is locked, read and written back
        InboxQueryCountTest.STATEMENTS.assertLimiterStatements(2);
        // what the three fewer round trips rest on: the five rows are sent as one batch per table
        assertThat(sql).anyMatch(q -> q.startsWith("[batch of 3] insert into sla_milestone"))
                .anyMatch(q -> q.startsWith("[batch of 2] insert into ticket_event"));
        // ADR 0090: the ticket's row is inserted once, with what its opening decided, and not updated at commit; the
        // board's clock rows (JDBC, a foreign key to it) follow its insert
        assertThat(sql.stream().filter(q -> q.contains("insert into ticket (")).count()).as("ticket inserts").isEqualTo(1);
        assertThat(sql).noneMatch(q -> q.contains("update ticket "));
        assertThat(indexOf(sql, "insert into ticket (")).isLessThan(indexOf(sql, "insert into board_clock"));
    }

    @Test
    void theTicketsOneInsertCarriesWhatItsOpeningDecided() {
        var created = api.exchange(null, HttpMethod.POST, "/api/tickets", ticketBody("HOTLINE", "HIGH", "HIGH"),
                Map.of("Authorization", bearer));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        // read from the row, not from the persistence context: level (level decision), process instance (the start),
        // cached clocks and board deadline (the escalation's first evaluation) are all set after the ticket was built
        Map<String, Object> row = jdbc.queryForMap("select level_code, process_instance_id, clocks_cached_at, board_due,"
                + " response_due, version from ticket where id = ?", id);
        assertThat(row.get("level_code")).isNotNull();
        assertThat(row.get("process_instance_id")).isNotNull();
        assertThat(row.get("clocks_cached_at")).isNotNull();
        assertThat(row.get("board_due")).isNotNull();
        assertThat(row.get("response_due")).isNotNull();
        assertThat(((Number) row.get("version")).longValue()).as("never updated").isZero();
        assertThat(jdbc.queryForObject("select count(*) from board_clock where ticket_id = ?", Long.class, id)).isPositive();
        // ADR 0095: every entry of the report (the ticket and its lines) is owned by its site's customer, as the report's
        // site said it, without a query of its own; a customer's audit reader sees them by this column
        Long siteCustomer = jdbc.queryForObject("select s.customer_id from ticket t join site s on s.id = t.site_id where t.id = ?",
                Long.class, id);
        assertThat(siteCustomer).isNotNull();
        List<String> entries = jdbc.queryForList("select entity_type from audit_log where ticket_id = ?", String.class, id);
        assertThat(entries).as("the report's entries").contains("ticket", "ticket_event");
        List<Long> owners = jdbc.queryForList("select distinct customer_id from audit_log where ticket_id = ?", Long.class, id);
        assertThat(owners).containsExactly(siteCustomer);
    }

    /**
     * ADR 0091: the retry lookup every report with an Idempotency-Key makes is a query string Hibernate translates once
     * and then takes from its plan cache. Derived from the method name it was a criteria tree translated to SQL anew on
     * every report (a tenth of a report's CPU), and would not show up under its string here at all.
     */
    @Test
    void theRetryLookupOfEveryReportIsTranslatedOnce() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            for (int i = 0; i < 3; i++) {
                var created = api.exchange(null, HttpMethod.POST, "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"),
                        Map.of("Authorization", bearer, "Idempotency-Key", "plan-" + System.nanoTime() + "-" + i));
                assertThat(created.status()).isEqualTo(201);
            }
            QueryStatistics lookup = statistics.getQueryStatistics("select t from Ticket t where t.idempotencyKey = :key");
            assertThat(lookup.getExecutionCount()).as("the retry lookup ran as this query").isEqualTo(3);
            assertThat(lookup.getPlanCacheHitCount()).as("translated once, then taken from the plan cache").isGreaterThanOrEqualTo(2);
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }

    private static int indexOf(List<String> sql, String part) {
        for (int i = 0; i < sql.size(); i++) {
            if (sql.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no statement contains " + part + ": " + sql);
    }

    private int post() {
        return api.exchange(null, HttpMethod.POST, "/api/tickets", ticketBody("HOTLINE", "HIGH", "MEDIUM"),
                Map.of("Authorization", bearer)).status();
    }
}
