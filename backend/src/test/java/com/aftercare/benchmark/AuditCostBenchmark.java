package com.aftercare.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.AftercareApplication;
import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;

/**
 * What the audit trail costs (not a test: figures on stdout, no timed assertion; run with
 * {@code -Pbenchmark -Dtest=AuditCostBenchmark}, add {@code postgres} and AFTERCARE_DB_URL of a fresh database for
 * PostgreSQL).
 * Two instances of the application on the same database, one without the audit listener (its registration
 * bean removed before start), create tickets through {@link ReportFault#report} in alternating rounds, so
 * warm-up and a growing database affect both alike: {@code bench.audit.tickets} (200) one after another in {@code bench.audit.rounds} (10) rounds, then
 * the same number from {@code bench.audit.threads} (4) threads at once, where writers queue on the chain head.
 */
@Tag("database") // -Pbenchmark,postgres runs it on PostgreSQL: that profile runs only the tag "database"
class AuditCostBenchmark {

    @Test
    void creatingTicketsWithAndWithoutTheAuditTrail() throws Exception {
        int n = Integer.getInteger("bench.audit.tickets", 200);
        int threads = Integer.getInteger("bench.audit.threads", 4);
        int rounds = Integer.getInteger("bench.audit.rounds", 10);
        boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
        String dataDir = null;
        if (!postgres) {
            Path dir = Paths.get("target/audit-benchmark-h2").toAbsolutePath();
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            dataDir = dir.toString();
        }
        try (ConfigurableApplicationContext plain = start("bench-plain", postgres, dataDir, false);
                ConfigurableApplicationContext audited = start("bench-audited", postgres, dataDir, true)) {
            AssetService assets = plain.getBean(AssetService.class);
            Customer customer = assets.createCustomer("Audit benchmark " + System.nanoTime());
            Site site = assets.createSite(new NewSite(customer.getId(), "Audit benchmark site", "Road 1", Region.CITY, null, null));
            ReportFault withoutAudit = plain.getBean(ReportFault.class);
            ReportFault withAudit = audited.getBean(ReportFault.class);
            JdbcTemplate jdbc = audited.getBean(JdbcTemplate.class);

            create(withoutAudit, site, 30, 1); // warm-up, not timed
            create(withAudit, site, 30, 1);
            if (postgres) {
                // autovacuum is off on the machine the figures come from: without statistics the engine's queries
                // slow down as the tables grow, which would drown what is measured here (see EscalationBurstBenchmark)
                jdbc.execute("analyze");
            }

            io.micrometer.core.instrument.MeterRegistry meters = audited.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            double[] sequential = new double[2];
            double[] parallel = new double[2];
            long entriesBefore = jdbc.queryForObject("select last_seq from audit_chain_head", Long.class);
            Snapshot appendStart = Snapshot.of(meters, "aftercare.audit.append");
            Snapshot lockStart = Snapshot.of(meters, "aftercare.audit.lock");
            for (int r = 0; r < rounds; r++) {
                sequential[0] += create(withoutAudit, site, n / rounds, 1);
                sequential[1] += create(withAudit, site, n / rounds, 1);
            }
            long entriesSequential = jdbc.queryForObject("select last_seq from audit_chain_head", Long.class) - entriesBefore;
            Snapshot appendMid = Snapshot.of(meters, "aftercare.audit.append");
            Snapshot lockMid = Snapshot.of(meters, "aftercare.audit.lock");
            String appendSequential = appendMid.meanSince(appendStart);
            String lockSequential = lockMid.meanSince(lockStart);
            for (int r = 0; r < rounds; r++) {
                parallel[0] += create(withoutAudit, site, n / rounds, threads);
                parallel[1] += create(withAudit, site, n / rounds, threads);
            }
            String appendParallel = Snapshot.of(meters, "aftercare.audit.append").meanSince(appendMid);
            String lockParallel = Snapshot.of(meters, "aftercare.audit.lock").meanSince(lockMid);
            boolean chainOk = audited.getBean(com.aftercare.audit.AuditService.class).verify(java.util.Optional.empty()).ok();

            String db = postgres ? "PostgreSQL" : "H2 file";
            System.out.printf("%n[audit-bench] %s, %d tickets per mode in %d alternating rounds (%d audit entries per ticket)%n", db,
                    n, rounds, entriesSequential / n);
            System.out.printf("[audit-bench] one after another: without audit %.0f ms (%.1f ms/ticket), with audit %.0f ms "
                    + "(%.1f ms/ticket): %+.1f %%%n", sequential[0], sequential[0] / n, sequential[1], sequential[1] / n,
                    (sequential[1] / sequential[0] - 1) * 100);
            System.out.printf("[audit-bench] %d threads: without audit %.0f ms (%.1f tickets/s), with audit %.0f ms (%.1f tickets/s): "
                    + "%+.1f %%%n", threads, parallel[0], n / parallel[0] * 1000, parallel[1], n / parallel[1] * 1000,
                    (parallel[1] / parallel[0] - 1) * 100);
            System.out.printf("[audit-bench] chaining per transaction, one after another: %s, of which taking the head %s%n",
                    appendSequential, lockSequential);
            System.out.printf("[audit-bench] chaining per transaction, %d threads: %s, of which taking the head %s%n", threads,
                    appendParallel, lockParallel);
            System.out.printf("[audit-bench] chain verifies after the run: %s%n%n", chainOk);
        }
    }

    /** Count and total time of a timer so far, to take the mean over one phase of the run. */
    private record Snapshot(long count, double totalMs) {
        static Snapshot of(io.micrometer.core.instrument.MeterRegistry meters, String name) {
            io.micrometer.core.instrument.Timer timer = meters.find(name).timer();
            return timer == null ? new Snapshot(0, 0)
                    : new Snapshot(timer.count(), timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS));
        }

        String meanSince(Snapshot earlier) {
            long count = this.count - earlier.count;
            return count == 0 ? "n/a" : String.format("mean %.2f ms over %d transactions", (totalMs - earlier.totalMs) / count, count);
        }
    }

    private static ConfigurableApplicationContext start(String engine, boolean postgres, String dataDir, boolean audit) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.active=" + (postgres ? "postgres" : "benchmark"),
                "--camunda.bpm.process-engine-name=" + engine,
                "--camunda.bpm.generate-unique-process-engine-name=false",
                // creation only: no timers, no probe or delivery workers
                "--camunda.bpm.job-execution.enabled=false",
                "--aftercare.probe.worker-enabled=false",
                "--aftercare.notify.worker-enabled=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (dataDir != null) {
            args.add("--aftercare.data-dir=" + dataDir);
        }
        SpringApplicationBuilder builder = new SpringApplicationBuilder(AftercareApplication.class);
        if (!audit) {
            builder.initializers(context -> context.addBeanFactoryPostProcessor(
                    factory -> ((BeanDefinitionRegistry) factory).removeBeanDefinition("auditListenerRegistration")));
        }
        return builder.run(args.toArray(String[]::new));
    }

    /** Milliseconds to create {@code count} tickets from {@code threads} threads. */
    private static double create(ReportFault tickets, Site site, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            done.add(pool.submit(() -> tickets.report(new NewTicket(Channel.MONITORING, "Monitor", null, "123456", site.getId(), null,
                    Category.DEFECT, Grade.LOW, Grade.LOW, "Camera offline", "No video for 5 minutes"), null)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double ms = (System.nanoTime() - start) / 1e6;
        pool.shutdown();
        return ms;
    }
}
