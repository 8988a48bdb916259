package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
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
 * processes with its number) stays under 10 KB (ADR 0058). Counted as the bytes of the stored values, the same way on
 * H2 and PostgreSQL (text and byte arrays by their length in UTF-8, numbers and timestamps 8, nulls 0), and on
 * PostgreSQL also as pg_column_size of the rows (what the rows take in the table, without index entries; the
 * history-cleanup benchmark reports the tables' and indexes' growth per case). At level full it was 186 KB, at the
 * product level of ADR 0056 ~85 KB (variable and activity instances, operation log); now process and task instances
 * and incidents remain.
 */
class EngineHistorySizeTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_EXT_TASK_LOG",
            "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_GE_BYTEARRAY");

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void aClosedCaseLeavesLessThanTenKilobytesOfEngineHistory() throws Exception {
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
        long pgBytes = 0;
        for (String table : TABLES) {
            String where = " from " + table + " t where t.ROOT_PROC_INST_ID_ in (" + in + ")";
            long[] rowsAndBytes = valueBytes("select t.*" + where);
            long size = postgres ? jdbc.queryForObject("select coalesce(sum(pg_column_size(t.*)), 0)" + where, Long.class) : 0L;
            byTable.put(table, new long[] { rowsAndBytes[0], rowsAndBytes[1], size });
            bytes += rowsAndBytes[1];
            pgBytes += size;
        }
        StringBuilder report = new StringBuilder("Engine history of closed case " + number + " (rows, value bytes"
                + (postgres ? ", PostgreSQL row bytes" : "") + "):");
        byTable.forEach((table, v) -> report.append("\n  ").append(table).append(": ").append(v[0]).append(" rows, ")
                .append(v[1]).append(" B").append(postgres ? ", " + v[2] + " B" : ""));
        report.append("\n  total: ").append(bytes).append(" B").append(postgres ? ", " + pgBytes + " B" : "");
        System.out.println(report);

        // what is not kept: activity instances, variables and their byte arrays, the operation log, every intermediate
        // variable value, the job log, the candidate-group log, decision details
        for (String table : List.of("ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_GE_BYTEARRAY", "ACT_HI_OP_LOG", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG",
                "ACT_HI_IDENTITYLINK", "ACT_HI_DEC_IN")) {
            assertThat(byTable.get(table)[0]).as(table).isZero();
        }
        // what is: the case's processes with their removal time (the cleanup's key), its finished tasks (the 409 of a
        // task completed by someone else reads them)
        assertThat(byTable.get("ACT_HI_PROCINST")[0]).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ in (" + in
                + ") and REMOVAL_TIME_ is null", Long.class)).as("every process has its removal time").isZero();
        assertThat(byTable.get("ACT_HI_TASKINST")[0]).isGreaterThanOrEqualTo(6);
        // the tests still see the path (from the history events, in memory: RecordedHistory)
        assertThat(passedActivities(ticket)).contains("firstLineResolution", "dispatchCase", "probeDevice", "caseClosed");
        assertThat(bytes).as(report.toString()).isLessThan(10 * 1024);
        if (postgres) {
            assertThat(pgBytes).as(report.toString()).isLessThan(10 * 1024);
        }
    }

    /** Rows and the bytes of their values: text and byte arrays by length, numbers and timestamps 8, nulls 0. */
    private long[] valueBytes(String select) {
        long[] total = new long[2];
        jdbc.query(select, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            total[0]++;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof String text) {
                    total[1] += text.getBytes(StandardCharsets.UTF_8).length;
                } else if (value instanceof byte[] array) {
                    total[1] += array.length;
                } else if (value instanceof Boolean) {
                    total[1] += 1;
                } else if (value != null) {
                    total[1] += 8;
                }
            }
        });
        return total;
    }
}
