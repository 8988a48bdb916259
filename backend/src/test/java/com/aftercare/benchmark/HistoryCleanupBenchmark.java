package com.aftercare.benchmark;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * What the engine's history costs per closed case and what its cleanup costs (issue 17, ADR 0058; not a test: figures
 * on stdout, no timed assertion). Run with {@code -Pbenchmark -Dtest=HistoryCleanupBenchmark}; add {@code postgres}
 * and AFTERCARE_DB_URL of a fresh database for PostgreSQL, {@code -Daftercare.engine.lean-history=false} for the
 * engine's own level {@code full}.
 * <p>
 * Closes {@code bench.history.cases} (200) fault cases along the usual path (report, dispatch, fix, probe, confirm,
 * audit, callback), prints the history tables' growth per case (on PostgreSQL with their indexes), then moves the
 * engine's clock past the models' time to live (P180D), starts the history cleanup job as an operator would
 * ({@code cleanUpHistoryAsync(true)}, outside the night window) and runs it until the cases' history is gone: time per
 * 1,000 cases, job runs and rows removed. The time per report (intake through {@link #report}, in process) and per
 * case compares the levels' write cost.
 */
class HistoryCleanupBenchmark extends IntegrationTest {

    private static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST",
            "ACT_HI_DETAIL", "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT", "ACT_HI_DECINST",
            "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_GE_BYTEARRAY");

    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    private long reportNanos;

    @AfterEach
    void engineClockBack() {
        ClockUtil.reset();
    }

    @Test
    void closedCasesAndTheirHistoryCleanup() throws Exception {
        int n = Integer.getInteger("bench.history.cases", 200);
        boolean postgres;
        try (var c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        closeCase(); // warm-up, not counted in the timing
        Map<String, Long> rowsBefore = rows();
        long bytesBefore = postgres ? onDisk() : 0;
        long start = System.nanoTime();
        reportNanos = 0;
        for (int i = 0; i < n; i++) {
            closeCase();
        }
        double closeMs = (System.nanoTime() - start) / 1e6;
        Map<String, Long> rowsAfter = rows();
        long bytesAfter = postgres ? onDisk() : 0;
        StringBuilder out = new StringBuilder("History of " + n + " closed cases (" + (postgres ? "PostgreSQL" : "H2")
                + String.format(", %.1f ms per report, %.0f ms per case from report to close, one client)",
                        reportNanos / 1e6 / n, closeMs / n));
        rowsAfter.forEach((table, count) -> {
            long added = count - rowsBefore.get(table);
            if (added > 0) {
                out.append(String.format("%n  %-20s %6.1f rows per case", table, added / (double) n));
            }
        });
        if (postgres) {
            out.append(String.format("%n  tables and indexes grew %.1f KB per case", (bytesAfter - bytesBefore) / 1024.0 / n));
        }

        // the cleanup: every case's processes ended now, so their removal time is now + P180D
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(181))));
        long due = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where REMOVAL_TIME_ <= ?", Long.class,
                ClockUtil.getCurrentTime());
        long rowsDue = rows().values().stream().mapToLong(Long::longValue).sum();
        Job job = historyService.cleanUpHistoryAsync(true);
        int runs = 0;
        long cleanupNanos = 0;
        while (runs < 100_000) {
            Job current = managementService.createJobQuery().jobId(job.getId()).singleResult();
            if (current == null || remaining() == 0) {
                break;
            }
            long t = System.nanoTime();
            managementService.executeJob(job.getId());
            cleanupNanos += System.nanoTime() - t;
            runs++;
        }
        long rowsLeft = rows().values().stream().mapToLong(Long::longValue).sum();
        double cleanupMs = cleanupNanos / 1e6;
        out.append(String.format("%nCleanup: %d process instances due, %d job runs (batch size 500), %d rows removed, %d due left,"
                + " %.0f ms in all, %.0f ms per 1,000 cases", due, runs, rowsDue - rowsLeft, remaining(), cleanupMs,
                cleanupMs / (n + 1) * 1000));
        System.out.println(out);
    }

    private void closeCase() {
        // a device of its own: a second DEFECT on one device within a month proposes its replacement (RR-6)
        String unique = "bench-" + System.nanoTime();
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.OTHER, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
        long t = System.nanoTime();
        Ticket ticket = report(Category.DEFECT);
        reportNanos += System.nanoTime() - t;
        dispatchAndFix(ticket);
        probeWorker.runOnce();
        confirmAndAudit(ticket);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, jdbc.queryForObject("select count(*) from " + table
                    + (table.equals("ACT_GE_BYTEARRAY") ? " where ROOT_PROC_INST_ID_ is not null" : ""), Long.class));
        }
        return rows;
    }

    /** History rows whose removal time has passed, in every table the cleanup empties. */
    private long remaining() {
        long rows = 0;
        for (String table : TABLES) {
            rows += jdbc.queryForObject("select count(*) from " + table + " where REMOVAL_TIME_ <= ?", Long.class,
                    ClockUtil.getCurrentTime());
        }
        return rows;
    }

    private long onDisk() {
        long bytes = 0;
        for (String table : TABLES) {
            bytes += jdbc.queryForObject("select pg_total_relation_size(?)", Long.class, table.toLowerCase());
        }
        return bytes;
    }
}
