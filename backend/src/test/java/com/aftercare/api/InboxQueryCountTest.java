package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.workflow.ReadTaskInbox;
import com.aftercare.workflow.TaskView;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * One page of the task inbox costs the same small number of SQL statements for 20 tasks as for 200. Statements
 * are counted at the JDBC level (every statement of Hibernate and of the engine's MyBatis), on the server's
 * request threads only, for a whole GET /api/tasks including sign-in. And the batched inbox shows exactly what
 * the task-by-task reading showed.
 */
@CountedStatementsContext
class InboxQueryCountTest extends IntegrationTest {

    /**
     * The whole request: sign-in (two reads of the account), the page's task ids (one query that stops after the page,
     * ADR 0064), the tasks, their candidate groups (one query over the identity links), their variables, their tickets.
     * The old inbox ran about five a task; reading candidate groups per role made it eleven.
     */
    static final int MOST_STATEMENTS_PER_PAGE = 7;

    /** A page of {@code /api/tasks/page}: the list's statements and one count of the whole inbox (ADR 0063). */
    static final int MOST_STATEMENTS_PER_COUNTED_PAGE = MOST_STATEMENTS_PER_PAGE + 1;

    static final StatementCounter STATEMENTS = new StatementCounter();

    /*
     * Imported by the classes of this context (CountedStatementsContext). Not a @TestConfiguration: a nested one would
     * also be picked up as this class's own configuration, giving it a context apart from the others
     * (SpringContextCountTest).
     */
    static class CountedDataSource {
        @Bean
        static BeanPostProcessor countEveryStatement() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof PasswordEncoder encoder && "passwordEncoder".equals(beanName)) {
                        return new CountedPasswordEncoder(encoder); // ApiTokenTest: no password hash per token request
                    }
                    return bean instanceof DataSource dataSource && "dataSource".equals(beanName)
                            ? ProxyDataSourceBuilder.create(dataSource).name("counted").listener(STATEMENTS).build()
                            : bean;
                }
            };
        }
    }

    static final AtomicInteger PASSWORD_CHECKS = new AtomicInteger();

    /** The application's password encoder, counting its checks (each a bcrypt check, ~0.1 s at cost 10). */
    record CountedPasswordEncoder(PasswordEncoder encoder) implements PasswordEncoder {
        @Override
        public String encode(CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            PASSWORD_CHECKS.incrementAndGet();
            return encoder.matches(raw, encoded);
        }

        @Override
        public boolean upgradeEncoding(String encoded) {
            return encoder.upgradeEncoding(encoded);
        }
    }

    /** Statements run on the embedded server's request threads while counting is on (their SQL kept for the log). */
    static final class StatementCounter implements QueryExecutionListener {
        private final AtomicBoolean on = new AtomicBoolean();
        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger limiter = new AtomicInteger();
        /** Every statement sent, each row of a JDBC batch counted on its own (what the database executes). */
        private final AtomicInteger executed = new AtomicInteger();
        final List<String> sql = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

        @Override
        public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            if (on.get() && Thread.currentThread().getName().startsWith("http-nio")) {
                if (queryInfoList.stream().allMatch(q -> q.getQuery().contains("rate_limit_bucket"))) {
                    // the shared rate limiter's own short transaction (PostgreSQL only), pinned apart
                    limiter.addAndGet(queryInfoList.size());
                    sql.add("[limiter] " + queryInfoList.get(0).getQuery());
                    return;
                }
                count.addAndGet(queryInfoList.size());
                for (QueryInfo q : queryInfoList) {
                    int rows = Math.max(1, q.getParametersList().size());
                    executed.addAndGet(rows);
                    sql.add(execInfo.isBatch() ? "[batch of " + rows + "] " + q.getQuery() : q.getQuery());
                }
            }
        }

        /** Statements of the last {@link #during}, each row of a batch counted (the figure before batching). */
        int executed() {
            return executed.get();
        }

        /**
         * The last {@link #during}'s statements on the rate limiter's table, which {@link #during} leaves out: on
         * PostgreSQL the sign-in locks and intake limits live in {@code rate_limit_bucket}, shared by every node (ADR
         * 0054), so a request pays its own short transaction there; on H2 (one node) they are in memory. Asserted
         * exactly, so the same pinned figure holds for the rest on both databases.
         */
        void assertLimiterStatements(int onPostgres) {
            boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
            org.assertj.core.api.Assertions.assertThat(limiter.get()).as("statements of the shared rate limiter")
                    .isEqualTo(postgres ? onPostgres : 0);
        }

        int during(Runnable work) {
            count.set(0);
            limiter.set(0);
            executed.set(0);
            sql.clear();
            on.set(true);
            try {
                work.run();
            } finally {
                on.set(false);
            }
            return count.get();
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired TaskService taskService;
    @Autowired ReadTaskInbox inbox;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired com.aftercare.sla.PolicyCatalog policies;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void onePageCostsTheSameFewStatementsFor20TasksAsFor200() {
        // a process owner has no candidate tasks in the shipped models: the inbox holds exactly the tasks given to them
        String owner = "t-inbox-owner";
        accounts.createIfAbsent(owner, PASSWORD, "Inbox Owner", Set.of(Role.PROCESS_OWNER));

        assignNewFirstLineTasks(20, owner);
        api.get(owner, "/api/tasks"); // the forms of a kind of task are read once, then kept
        int[] with20 = new int[1];
        int statementsFor20 = STATEMENTS.during(() -> with20[0] = api.get(owner, "/api/tasks").body().size());

        assignNewFirstLineTasks(180, owner);
        int[] with200 = new int[1];
        int statementsFor200 = STATEMENTS.during(() -> with200[0] = api.get(owner, "/api/tasks").body().size());

        assertThat(with20[0]).isEqualTo(20);
        assertThat(with200[0]).isEqualTo(200);
        LoggerFactory.getLogger(getClass()).info("GET /api/tasks: {} statements for 20 tasks, {} for 200", statementsFor20,
                statementsFor200);
        assertThat(statementsFor20).as("statements were counted at all").isPositive();
        assertThat(statementsFor200).as("200 tasks cost what 20 cost").isEqualTo(statementsFor20);
        assertThat(statementsFor200).isLessThanOrEqualTo(MOST_STATEMENTS_PER_PAGE);
        STATEMENTS.assertLimiterStatements(1); // HTTP Basic: the sign-in lock of the name is looked up
    }

    @Test
    void aDeskUsersPageOfCandidateTasksCostsTheSameFor20AsFor200AndPagesFollowEachOther() {
        // the desk sees the unclaimed tasks of its role, not tasks given to it: candidate groups are read for the page
        String desk = "t-inbox-desk";
        accounts.createIfAbsent(desk, PASSWORD, "Inbox Desk", Set.of(Role.SERVICE_DESK));
        for (int i = 0; i < 200; i++) {
            report(Category.DEFECT);
        }
        api.get(desk, "/api/tasks?size=200"); // the forms of a kind of task are read once, then kept
        int[] with20 = new int[1];
        int statementsFor20 = STATEMENTS.during(() -> with20[0] = api.get(desk, "/api/tasks?size=20").body().size());
        List<String> statements20 = List.copyOf(STATEMENTS.sql);
        int[] with200 = new int[1];
        int statementsFor200 = STATEMENTS.during(() -> with200[0] = api.get(desk, "/api/tasks?size=200").body().size());

        assertThat(with20[0]).isEqualTo(20);
        assertThat(with200[0]).isEqualTo(200);
        LoggerFactory.getLogger(getClass()).info("GET /api/tasks as the desk: {} statements for 20 tasks, {} for 200: {}",
                statementsFor20, statementsFor200, statements20);
        assertThat(statementsFor200).as("a page of 200 candidate tasks costs what a page of 20 costs").isEqualTo(statementsFor20);
        assertThat(statementsFor200).isLessThanOrEqualTo(MOST_STATEMENTS_PER_PAGE);
        STATEMENTS.assertLimiterStatements(1); // HTTP Basic: the sign-in lock of the name is looked up
        assertThat(api.get(desk, "/api/tasks?size=200").body()).allSatisfy(t -> {
            assertThat(t.path("candidateGroups").toString()).contains("SERVICE_DESK");
            assertThat(t.path("actionable").asBoolean()).isTrue();
        });

        // page 1 of 20 continues page 0: together they are the first 40
        List<String> first40 = taskIds(api.get(desk, "/api/tasks?size=40").body());
        List<String> page0 = taskIds(api.get(desk, "/api/tasks?size=20&page=0").body());
        List<String> page1 = taskIds(api.get(desk, "/api/tasks?size=20&page=1").body());
        assertThat(java.util.stream.Stream.concat(page0.stream(), page1.stream()).toList()).isEqualTo(first40);
        assertThat(api.get(desk, "/api/tasks?size=0").errorFields()).containsExactly("size");
        assertThat(api.get(desk, "/api/tasks?size=201").errorFields()).containsExactly("size");
        assertThat(api.get(desk, "/api/tasks?page=-1").errorFields()).containsExactly("page");
    }

    @Test
    void aCountedPageCostsOneStatementMoreWhateverItsSizeAndCountsTheWholeInbox() {
        // ADR 0063: with more tasks than one page the desk saw the newest 200 and nothing said there were more
        String desk = "t-inbox-counted";
        accounts.createIfAbsent(desk, PASSWORD, "Inbox Counted", Set.of(Role.SERVICE_DESK));
        // the desk's inbox is the unclaimed tasks of its role; the other tests of this database may have made some
        for (long have = taskService.createTaskQuery().taskCandidateGroup(Role.SERVICE_DESK.name()).active().count(); have < 210; have++) {
            report(Category.DEFECT);
        }
        api.get(desk, "/api/tasks/page?size=200"); // the forms of a kind of task are read once, then kept
        com.fasterxml.jackson.databind.JsonNode[] small = new com.fasterxml.jackson.databind.JsonNode[1];
        int statementsFor20 = STATEMENTS.during(() -> small[0] = api.get(desk, "/api/tasks/page?size=20").body());
        List<String> statements20 = List.copyOf(STATEMENTS.sql);
        com.fasterxml.jackson.databind.JsonNode[] full = new com.fasterxml.jackson.databind.JsonNode[1];
        int statementsFor200 = STATEMENTS.during(() -> full[0] = api.get(desk, "/api/tasks/page?size=200").body());
        LoggerFactory.getLogger(getClass()).info("GET /api/tasks/page as the desk: {} statements for 20 tasks, {} for 200: {}",
                statementsFor20, statementsFor200, statements20);

        assertThat(small[0].path("content").size()).isEqualTo(20);
        assertThat(full[0].path("content").size()).isEqualTo(200);
        assertThat(statementsFor200).as("a page of 200 costs what a page of 20 costs").isEqualTo(statementsFor20);
        assertThat(statementsFor200).isLessThanOrEqualTo(MOST_STATEMENTS_PER_COUNTED_PAGE);
        STATEMENTS.assertLimiterStatements(1);

        // the count is the whole inbox: every page read to its end holds that many distinct tasks, the last one short
        long total = full[0].path("totalElements").asLong();
        assertThat(total).as("more than a page").isGreaterThan(200);
        assertThat(small[0].path("totalElements").asLong()).isEqualTo(total);
        assertThat(full[0].path("totalPages").asInt()).isEqualTo((int) ((total + 199) / 200));
        assertThat(small[0].path("page").asInt()).isZero();
        assertThat(small[0].path("size").asInt()).isEqualTo(20);
        List<String> all = new java.util.ArrayList<>();
        for (int page = 0; page < full[0].path("totalPages").asInt(); page++) {
            com.fasterxml.jackson.databind.JsonNode body = api.get(desk, "/api/tasks/page?size=200&page=" + page).body();
            assertThat(body.path("page").asInt()).isEqualTo(page);
            all.addAll(taskIds(body.path("content")));
        }
        assertThat(all).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(api.get(desk, "/api/tasks/page?size=200&page=" + full[0].path("totalPages").asInt()).body().path("content"))
                .as("past the last page: empty, not an error").isEmpty();
        // the page endpoint shows what the list endpoint shows
        assertThat(taskIds(full[0].path("content"))).isEqualTo(taskIds(api.get(desk, "/api/tasks?size=200").body()));
    }

    @Test
    void tasksCreatedInTheSameMillisecondStayInOnePlaceAcrossPages() {
        // a step that starts several tasks gives them one create time; the order falls back on the task id, newest first
        String owner = "t-inbox-ties";
        accounts.createIfAbsent(owner, PASSWORD, "Inbox Ties", Set.of(Role.PROCESS_OWNER));
        assignNewFirstLineTasks(12, owner);
        int tied = jdbc.update("update ACT_RU_TASK set CREATE_TIME_ = ? where ASSIGNEE_ = ?",
                java.sql.Timestamp.valueOf("2026-01-05 09:30:00"), owner);
        assertThat(tied).isEqualTo(12);

        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            com.fasterxml.jackson.databind.JsonNode body = api.get(owner, "/api/tasks/page?size=5&page=" + page).body();
            assertThat(body.path("totalElements").asLong()).isEqualTo(12);
            assertThat(body.path("totalPages").asInt()).isEqualTo(3);
            paged.addAll(taskIds(body.path("content")));
        }
        List<String> byIdNewestFirst = taskService.createTaskQuery().taskAssignee(owner).list().stream().map(Task::getId)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        assertThat(paged).as("three pages of 5: each task once, in id order").isEqualTo(byIdNewestFirst);
        List<String> listed = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            listed.addAll(taskIds(api.get(owner, "/api/tasks?size=5&page=" + page).body()));
        }
        assertThat(listed).as("the list endpoint pages the same way").isEqualTo(byIdNewestFirst);
    }

    @Test
    void aBadPageOrSizeIsA400NamingTheParameter() {
        for (String path : List.of("/api/tasks/page", "/api/tasks")) {
            assertThat(api.get("t-desk", path + "?size=0").errorFields()).as(path).containsExactly("size");
            assertThat(api.get("t-desk", path + "?size=201").errorFields()).as(path).containsExactly("size");
            assertThat(api.get("t-desk", path + "?page=-1").errorFields()).as(path).containsExactly("page");
            assertThat(api.get("t-desk", path + "?page=1000001").errorFields()).as(path).containsExactly("page");
            ApiClient.Response words = api.get("t-desk", path + "?page=two");
            assertThat(words.status()).as(path).isEqualTo(400);
            assertThat(words.errorFields()).as(path).containsExactly("page");
        }
        assertThat(api.get("t-desk", "/api/tasks/page?size=200&page=1000000").status()).isEqualTo(200);
    }

    @Test
    void theBatchedInboxShowsWhatTheTaskByTaskInboxShowed() {
        // a case at the desk (category default from a variable), one at dispatch (a literal default), one with an engineer
        report(Category.DEFECT);
        Ticket dispatching = report(Category.DEFECT);
        complete(dispatching, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        Ticket accepted = report(Category.DEFECT);
        complete(accepted, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(accepted, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));

        assertThat(inbox.read("t-desk", roles("t-desk"))).isNotEmpty();
        assertThat(inbox.read("t-eng", roles("t-eng"))).as("the accepted case's task").isNotEmpty();
        for (String user : List.of("t-desk", "t-eng", "t-eng2", "t-sup", "t-admin")) {
            assertThat(inbox.read(user, roles(user))).as(user + "'s inbox").isEqualTo(tasks.inbox(user, roles(user)));
        }
        List<TaskView> desk = inbox.read("t-desk", roles("t-desk"));
        assertThat(desk).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("firstLineResolution");
            assertThat(t.ticketNumber()).startsWith("INC-");
            assertThat(t.actionable()).isTrue();
            assertThat(t.formFields()).anySatisfy(f -> assertThat(f.id()).isEqualTo("category"));
        });
    }

    @Test
    void aJobCardShowsTheSiteItsAddressTheLevelAndTheNextDeadline() {
        Ticket ticket = report(Category.DEFECT);
        Ticket stored = tickets.get(ticket.getId());
        TaskView card = inbox.read("t-desk", roles("t-desk")).stream()
                .filter(t -> stored.getNumber().equals(t.ticketNumber())).findFirst().orElseThrow();

        assertThat(card.siteName()).isEqualTo(stored.getSite().getName()).isNotBlank();
        assertThat(card.siteAddress()).isEqualTo(stored.getSite().getAddress());
        assertThat(card.levelCode()).isEqualTo(stored.getLevel()).isNotBlank();
        assertThat(card.levelName()).as("the policy's own name of the level").isNotBlank();
        assertThat(card.policyCode()).as("the scheme whose labels name the level in the reader's language")
                .isEqualTo(policies.code(stored.getPolicyId())).isEqualTo("THREE_LEVEL");
        assertThat(card.ticketStatus()).isEqualTo(stored.getStatus().name());
        // nothing responded yet: the response clock is the nearest one running
        assertThat(stored.getResponseDue()).isNotNull();
        assertThat(card.nextDeadline()).isEqualTo(stored.getResponseDue());

        // over HTTP the card carries the same fields for the phone
        com.fasterxml.jackson.databind.JsonNode json = null;
        for (com.fasterxml.jackson.databind.JsonNode n : api.get("t-desk", "/api/tasks").body()) {
            if (stored.getNumber().equals(n.path("ticketNumber").asText())) {
                json = n;
            }
        }
        assertThat(json).isNotNull();
        assertThat(json.path("siteName").asText()).isEqualTo(stored.getSite().getName());
        assertThat(json.path("levelCode").asText()).isEqualTo(stored.getLevel());
        assertThat(json.path("nextDeadline").isTextual()).as("an ISO instant").isTrue();
    }

    private static List<String> taskIds(com.fasterxml.jackson.databind.JsonNode page) {
        List<String> ids = new java.util.ArrayList<>();
        page.forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    private void assignNewFirstLineTasks(int count, String assignee) {
        for (int i = 0; i < count; i++) {
            Ticket ticket = report(Category.DEFECT);
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(tickets.get(ticket.getId()).getNumber())
                    .taskDefinitionKey("firstLineResolution").singleResult();
            taskService.setAssignee(task.getId(), assignee);
        }
    }
}
