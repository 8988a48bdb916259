package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.workflow.ReadCaseTasks;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The case page's open tasks cost the same statements for one task as for six (ADR 0063): every statement of a whole
 * {@code GET /api/tickets/{id}} is counted at the JDBC level, as {@link InboxQueryCountTest} counts the inbox, before and
 * after the case's process is given five more open tasks. Read through the engine one task at a time they cost about
 * seven statements each. And the batched reading shows exactly what the engine's task-by-task reading showed. Same
 * context as InboxQueryCountTest (its counted data source).
 */
@CountedStatementsContext
class CaseTasksStatementCountTest extends IntegrationTest {

    /**
     * A whole case page (sign-in, the ticket, its timeline, its tasks, probe results, actions, waiver, rechecks): 16
     * measured on H2 with one open task and with six. Read task by task it was 31 with one and 116 with six.
     */
    static final int MOST_STATEMENTS_PER_CASE_PAGE = 16;

    @Autowired TestRestTemplate rest;
    @Autowired TaskService taskService;
    @Autowired ReadCaseTasks caseTasks;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void aCasePageCostsTheSameStatementsWithSixOpenTasksAsWithOne() {
        Ticket ticket = report(Category.DEFECT);
        String path = "/api/tickets/" + ticket.getId();
        api.get("t-desk", path); // the forms of a kind of task are read once, then kept
        JsonNode[] one = new JsonNode[1];
        int statementsForOne = InboxQueryCountTest.STATEMENTS.during(() -> one[0] = api.get("t-desk", path).body());
        List<String> sqlForOne = List.copyOf(InboxQueryCountTest.STATEMENTS.sql);

        moreFirstLineTasks(ticket, 5);
        JsonNode[] six = new JsonNode[1];
        int statementsForSix = InboxQueryCountTest.STATEMENTS.during(() -> six[0] = api.get("t-desk", path).body());
        LoggerFactory.getLogger(getClass()).info("GET /api/tickets/{id}: {} statements with 1 open task, {} with 6:\n  {}",
                statementsForOne, statementsForSix, String.join("\n  ", sqlForOne));

        assertThat(one[0].path("openTasks").size()).isEqualTo(1);
        assertThat(six[0].path("openTasks").size()).isEqualTo(6);
        assertThat(six[0].path("openTasks")).allSatisfy(t -> {
            assertThat(t.path("key").asText()).isEqualTo("firstLineResolution");
            assertThat(t.path("candidateGroups").toString()).contains("SERVICE_DESK");
            assertThat(t.path("actionable").asBoolean()).isTrue();
            assertThat(t.path("formFields").size()).isPositive();
        });
        assertThat(statementsForOne).as("statements were counted at all").isPositive();
        assertThat(statementsForSix).as("five more open tasks cost no statement more").isEqualTo(statementsForOne);
        assertThat(statementsForSix).isLessThanOrEqualTo(MOST_STATEMENTS_PER_CASE_PAGE);
        InboxQueryCountTest.STATEMENTS.assertLimiterStatements(1); // HTTP Basic: the sign-in lock of the name
    }

    @Test
    void theBatchedCaseTasksShowWhatTheTaskByTaskReadingShowed() {
        Ticket atTheDesk = report(Category.DEFECT);
        moreFirstLineTasks(atTheDesk, 2); // three tasks, two of them born in the same millisecond
        Ticket withEngineer = report(Category.DEFECT);
        complete(withEngineer, "firstLineResolution", "t-desk", java.util.Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(withEngineer, "assignEngineer", "t-desk", java.util.Map.of("engineer", "t-eng"));

        for (Ticket ticket : List.of(atTheDesk, withEngineer)) {
            String number = tickets.get(ticket.getId()).getNumber();
            assertThat(caseTasks.read(number, "t-desk", roles("t-desk"))).as(number).isNotEmpty();
            for (String user : List.of("t-desk", "t-eng", "t-eng2", "t-sup", "t-admin")) {
                assertThat(caseTasks.read(number, user, roles(user))).as(number + " as " + user)
                        .isEqualTo(tasks.tasksOfTicket(number, user, roles(user)));
            }
        }
        String number = tickets.get(withEngineer.getId()).getNumber();
        assertThat(caseTasks.read(number, "t-eng", roles("t-eng"))).anySatisfy(t -> {
            assertThat(t.assignee()).isEqualTo("t-eng");
            assertThat(t.actionable()).isTrue();
            assertThat(t.ticketNumber()).isEqualTo(number);
        });
        assertThat(caseTasks.read(number, "t-eng2", roles("t-eng2"))).as("held by another engineer")
                .noneMatch(t -> t.actionable() && "t-eng".equals(t.assignee()));
        assertThat(caseTasks.read("INC-NO-SUCH-CASE", "t-desk", roles("t-desk"))).isEmpty();
    }

    /** More open tasks on the case's own process: the first-line step started again beside the one waiting. */
    private void moreFirstLineTasks(Ticket ticket, int count) {
        String number = tickets.get(ticket.getId()).getNumber();
        Task waiting = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("firstLineResolution")
                .singleResult();
        var modification = runtimeService.createProcessInstanceModification(waiting.getProcessInstanceId());
        for (int i = 0; i < count; i++) {
            modification = modification.startBeforeActivity("firstLineResolution");
        }
        modification.execute();
    }
}
