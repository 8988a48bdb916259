package com.aftercare.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.AftercareApplication;
import com.aftercare.alarm.RegisterMonitoringSource;
import com.aftercare.alarm.SourceKind;
import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;

/**
 * Alarm intake throughput and latency (not a test: figures on stdout, no timed assertion; run with
 * {@code mvn -B -pl backend -am -Dskip.npm -Pbenchmark verify -Dtest=AlarmIntakeBenchmark}, add {@code -Ppostgres}
 * and AFTERCARE_DB_URL of a fresh database for PostgreSQL; docs/alarms.md has the figures).
 * The application runs as it ships (H2 file database, audit trail on), and {@code bench.alarms.events} (1,000) generic
 * events for {@code bench.alarms.keys} (50) alarms, shuffled, are sent over HTTP from {@code bench.alarms.threads} (8)
 * threads: the IN-1 burst shape, 95 % duplicates. Each alarm names a device of the customer by IP. Reported: p50, p99
 * and max latency of all events, of the ones that opened a case and of the ones appended, and events per second.
 */
@Tag("database") // -Pbenchmark,postgres runs it on PostgreSQL: that profile runs only the tag "database"
class AlarmIntakeBenchmark {

    @Test
    void alarmBurst() throws Exception {
        int events = Integer.getInteger("bench.alarms.events", 1000);
        int keys = Integer.getInteger("bench.alarms.keys", 50);
        int threads = Integer.getInteger("bench.alarms.threads", 8);
        boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
        String dataDir = null;
        if (!postgres) {
            Path dir = Paths.get("target/alarm-benchmark-h2").toAbsolutePath();
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            dataDir = dir.toString();
        }
        try (ConfigurableApplicationContext app = start(postgres, dataDir, events)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            AssetService assets = app.getBean(AssetService.class);
            Customer customer = assets.createCustomer("Alarm benchmark " + System.nanoTime());
            Site site = assets.createSite(new NewSite(customer.getId(), "Alarm benchmark site", "Road 1", Region.CITY, null, null));
            for (int k = 0; k < keys + 10; k++) {
                assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Camera " + k, "X", "BENCH-" + System.nanoTime() + "-" + k,
                        "10.60." + (k / 250) + "." + (k % 250 + 1), null, null, null, false));
            }
            String key = app.getBean(RegisterMonitoringSource.class).register(new RegisterMonitoringSource.NewSource("Benchmark",
                    SourceKind.GENERIC, customer.getId(), null)).key();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            // warm-up, not timed: 10 alarms of their own, 5 events each
            List<String> warmUp = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                warmUp.add("warm-" + (i % 10) + "|10.60.0." + (keys + (i % 10) + 1));
            }
            run(http, base, key, warmUp, threads);
            if (postgres) {
                app.getBean(JdbcTemplate.class).execute("analyze"); // see EscalationBurstBenchmark: no autovacuum there
            }

            List<String> burst = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int k = i % keys;
                burst.add("alarm-" + k + "|10.60." + (k / 250) + "." + (k % 250 + 1));
            }
            Collections.shuffle(burst, new Random(14));
            long started = System.nanoTime();
            List<long[]> timings = run(http, base, key, burst, threads);
            double seconds = (System.nanoTime() - started) / 1e9;

            List<Long> all = new ArrayList<>();
            List<Long> opened = new ArrayList<>();
            List<Long> appended = new ArrayList<>();
            for (long[] t : timings) {
                all.add(t[0]);
                (t[1] == 1 ? opened : appended).add(t[0]);
            }
            long cases = app.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from ticket where site_id = ? and title like 'camera alarm-%'", Long.class, site.getId());
            System.out.printf("%nAlarm intake on %s: %d events for %d alarms from %d threads over HTTP%n", postgres ? "PostgreSQL" : "H2 (file)",
                    events, keys, threads);
            System.out.printf("  %.1f events/s (%.1f s), cases opened: %d%n", events / seconds, seconds, cases);
            System.out.println("  all events:     " + stats(all));
            System.out.println("  opened a case:  " + stats(opened));
            System.out.println("  appended:       " + stats(appended));
        }
    }

    /** Sends "dedupKey|ip" triggers from the threads; per event [latency ns, 1 if it opened a case]. */
    private static List<long[]> run(HttpClient http, String base, String key, List<String> events, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> sent = new ArrayList<>();
            for (String e : events) {
                String[] parts = e.split("\\|");
                String body = "{\"event_action\":\"trigger\",\"dedup_key\":\"" + parts[0] + "\",\"payload\":{\"summary\":\"camera "
                        + parts[0] + " offline\",\"source\":\"" + parts[1] + "\",\"severity\":\"error\"}}";
                sent.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/alarms"))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long took = System.nanoTime() - t0;
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    return new long[] { took, response.body().contains("\"OPENED\"") ? 1 : 0 };
                }));
            }
            List<long[]> out = new ArrayList<>();
            for (Future<long[]> f : sent) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String stats(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("n=%d p50 %.0f ms, p99 %.0f ms, max %.0f ms", sorted.size(), ms(sorted, 0.50), ms(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static ConfigurableApplicationContext start(boolean postgres, String dataDir, int events) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.profiles.active=" + (postgres ? "postgres" : "benchmark"),
                "--camunda.bpm.job-execution.enabled=false",
                "--aftercare.probe.worker-enabled=false",
                "--aftercare.notify.worker-enabled=false",
                // the benchmark times intake, not a source's requests a minute (3,000 as shipped)
                "--aftercare.alarms.requests-per-minute=" + Math.max(3000, events + 1000),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        if (dataDir != null) {
            args.add("--aftercare.data-dir=" + dataDir);
        }
        return new SpringApplicationBuilder(AftercareApplication.class).run(args.toArray(String[]::new));
    }
}
