package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * Issue 17: the engine history one closed case leaves behind (every ACT_HI_* row and history byte array of the
 * processes with its number), measured in bytes on PostgreSQL with pg_column_size. At level full it was 186 KB (205
 * variable details 87 KB, 119 variables 40 KB, 79 activity instances 32 KB, …); the product's level leaves out the
 * details and logs (ADR 0056). The 10 KB is NOT reached yet: the variables and activity instances the tests
 * read remain (~85 KB), so the bound pinned here is 90 KB and only holds the ground gained.
 */
class EngineHistorySizeTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_EXT_TASK_LOG",
            "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_GE_BYTEARRAY");

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void aClosedCaseLeavesNoVariableDetailsOrLogsInEngineHistoryAndItsStepsStayReadable() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        assertThat(probeWorker.runOnce()).isGreaterThanOrEqualTo(1);
        confirmAndAudit(ticket);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        assertThat(caseProcessEnded(ticket)).isTrue();

        String number = tickets.get(ticket.getId()).getNumber();
        List<String> roots = jdbc.queryForList(
                "select distinct ROOT_PROC_INST_ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ = ?", String.class, number);
        assertThat(roots).isNotEmpty();
        String in = String.join(",", roots.stream().map(r -> "'" + r + "'").toList());
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        Map<String, long[]> byTable = new LinkedHashMap<>();
        long bytes = 0;
        for (String table : TABLES) {
            String where = " from " + table + " t where t.ROOT_PROC_INST_ID_ in (" + in + ")";
            Long rows = jdbc.queryForObject("select count(*)" + where, Long.class);
            Long size = postgres ? jdbc.queryForObject("select coalesce(sum(pg_column_size(t.*)), 0)" + where, Long.class) : 0L;
            byTable.put(table, new long[] { rows, size });
            bytes += size;
        }
        StringBuilder report = new StringBuilder("Engine history of closed case " + number + (postgres ? " (PostgreSQL bytes)" : " (rows; bytes on PostgreSQL only)") + ":");
        byTable.forEach((table, v) -> report.append("\n  ").append(table).append(": ").append(v[0]).append(" rows, ").append(v[1]).append(" B"));
        report.append("\n  total: ").append(bytes).append(" B");
        System.out.println(report);

        // what is not kept: every intermediate variable value, the job log, the candidate-group log, decision details
        assertThat(byTable.get("ACT_HI_DETAIL")[0]).isZero();
        assertThat(byTable.get("ACT_HI_JOB_LOG")[0]).isZero();
        assertThat(byTable.get("ACT_HI_IDENTITYLINK")[0]).isZero();
        assertThat(byTable.get("ACT_HI_DEC_IN")[0]).isZero();
        // what is: the steps the case passed, its finished tasks
        assertThat(passedActivities(ticket)).contains("firstLineResolution", "dispatchCase", "probeDevice", "caseClosed");
        assertThat(byTable.get("ACT_HI_TASKINST")[0]).isGreaterThanOrEqualTo(6);
        if (postgres) {
            assertThat(bytes).as(report.toString()).isLessThan(90 * 1024);
        }
    }
}
