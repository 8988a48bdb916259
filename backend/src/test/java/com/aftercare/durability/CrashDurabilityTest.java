package com.aftercare.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.aftercare.support.H2Only;

/**
 * Nothing acknowledged is ever lost: the real application runs as a child JVM under a load of concurrent fault
 * reports and task completions and is killed with SIGKILL mid-load, twice per database (ADR 0097). After each restart
 * every report answered 2xx is there with its process, every completion answered 204 is still done (the task is not
 * open again, the next step is), and clients retrying with their Idempotency-Key get the same ticket, never a second.
 * <p>
 * It runs H2 (the default file database) and PostgreSQL (a fresh database on 127.0.0.1:5432, user postgres) in the
 * README test command. Locally a missing PostgreSQL skips that half; on CI (CI=true) it fails. The PostgreSQL suite
 * run of .ci/run (spring profile postgres) does not repeat it: the H2 run already covered both databases.
 */
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the default run already crash-tests H2 and PostgreSQL")
@H2Only
class CrashDurabilityTest {

    // two rounds: the second runs on a database already through a kill and a recovery; a third added only CI time
    // (ADR 0097). -DargLine=-Dcrash.rounds=1 for a quicker look while working on it, =3 or more for a closer one.
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 2);
    private static final int CLIENTS = 6;
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    /**
     * This JVM's own database (dropped at the end): with one fixed name, two suites on one server (CI beside a
     * developer's run) dropped each other's database in the middle of a round. -DargLine=-Dcrash.database=... names it.
     */
    private static final String PG_DATABASE = System.getProperty("crash.database",
            "aftercare_crash_" + ProcessHandle.current().pid());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    /*
     * Both databases' rounds run at the same time, each in its own thread: start-ups (six per run, ~20-60 s each)
     * dominate, and each mostly keeps one core busy. The test methods report their outcome.
     */
    private static final CompletableFuture<Void> H2 = new CompletableFuture<>();
    private static final CompletableFuture<Void> POSTGRESQL = new CompletableFuture<>();

    @BeforeAll
    static void startTheRoundsOfBothDatabases() {
        // exactly the shipped default: demo profile, H2 URL from application.yml, only the data directory moved
        inBackground("crash-h2", H2, () -> crashRounds("h2",
                List.of("--spring.profiles.active=demo", "--aftercare.data-dir=" + work.resolve("data"))));
        inBackground("crash-postgresql", POSTGRESQL, CrashDurabilityTest::postgresqlRounds);
    }

    @AfterAll
    static void leaveNoChildRunning() throws InterruptedException {
        for (CompletableFuture<Void> rounds : List.of(H2, POSTGRESQL)) {
            try {
                rounds.get();
            } catch (ExecutionException reportedByItsTest) {
                // the test method of that database reports it
            }
        }
    }

    @Test
    void theH2FileDatabaseKeepsEveryAcknowledgedReportAndCompletionThroughSigkill() throws Throwable {
        outcome(H2);
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedReportAndCompletionThroughSigkill() throws Throwable {
        outcome(POSTGRESQL);
    }

    interface Rounds {
        void run() throws Exception;
    }

    private static void inBackground(String name, CompletableFuture<Void> outcome, Rounds rounds) {
        Thread thread = new Thread(() -> {
            try {
                rounds.run();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void outcome(CompletableFuture<Void> rounds) throws Throwable {
        try {
            rounds.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void postgresqlRounds() throws Exception {
        try (Connection c = postgresServer()) {
            try (Statement s = c.createStatement()) {
                s.execute("drop database if exists " + PG_DATABASE + " with (force)");
                s.execute("create database " + PG_DATABASE);
            }
            try {
                crashRounds("pg", List.of("--spring.profiles.active=postgres,demo",
                        "--spring.datasource.url=" + PG_SERVER + PG_DATABASE,
                        "--spring.datasource.username=postgres", "--spring.datasource.password="));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + PG_DATABASE + " with (force)");
                }
            }
        }
    }

    private static Connection postgresServer() {
        try {
            return DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI must crash-test PostgreSQL, but 127.0.0.1:5432 is not reachable", e);
            }
            Assumptions.abort("no PostgreSQL on 127.0.0.1:5432 (" + e.getMessage() + "); CI=true makes this a failure");
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void crashRounds(String db, List<String> databaseArgs) throws Exception {
        long started = System.nanoTime();
        Random random = new Random();
        ChildApp app = ChildApp.start(db + "-start-0", databaseArgs);
        Client desk = new Client(app.port());
        long siteId = desk.firstSiteId();
        // the demo seeds its cases (the field job, closed consultations, an inspection's fault) after the server is up,
        // one after another: count from when they have all appeared (the count stays put for 5 s)
        long seedDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long baseline = desk.ticketCount();
        long stableSince = System.nanoTime();
        while (System.nanoTime() < seedDeadline
                && (baseline == 0 || System.nanoTime() - stableSince < Duration.ofSeconds(5).toNanos())) {
            Thread.sleep(250);
            long now = desk.ticketCount();
            if (now != baseline) {
                baseline = now;
                stableSince = System.nanoTime();
            }
        }
        Set<String> allKeys = new HashSet<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Load load = new Load(desk, db + "-r" + round, siteId);
                load.start();
                // mid-load: once reports and completions are being acknowledged, at a random moment after that
                load.awaitAcknowledged(12 + random.nextInt(13), 6, Duration.ofSeconds(180));
                Thread.sleep(random.nextInt(1500));
                load.awaitAWriteInFlight(Duration.ofSeconds(10));
                int exit = app.kill();
                load.stop();
                assertThat(exit).as("the child JVM died of SIGKILL (128 + 9)").isEqualTo(137);

                app = ChildApp.start(db + "-start-" + round, databaseArgs);
                desk = new Client(app.port());
                allKeys.addAll(load.reportBodies.keySet());
                verify(desk, load);
                assertThat(desk.ticketCount()).as("one ticket per Idempotency-Key ever sent, none twice")
                        .isEqualTo(baseline + allKeys.size());
                System.out.printf("CrashDurabilityTest %s round %d: %d reports and %d completions acknowledged, %d reports "
                        + "and %d completions unanswered at the kill, %d other answers%n", db, round, load.reports.size(),
                        load.completions.size(), load.reportBodies.size() - load.reports.size(),
                        load.completionsSent.size() - load.completions.size(), load.otherAnswers.get());
            }
        } finally {
            app.kill();
        }
        System.out.printf("CrashDurabilityTest %s: %d rounds in %.1f s%n", db, ROUNDS, (System.nanoTime() - started) / 1e9);
    }

    /** After a restart: what was acknowledged is there, and retrying anything gives no duplicate. */
    private static void verify(Client desk, Load load) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Long> acked : load.reports.entrySet()) {
            Client.Answer caseFile = desk.get("/api/tickets/" + acked.getValue());
            Client.Answer workflow = desk.get("/api/tickets/" + acked.getValue() + "/workflow");
            if (caseFile.status() != 200) {
                lost.add("report " + acked.getKey() + " (201, ticket " + acked.getValue() + "): now " + caseFile.status());
            } else if (workflow.status() != 200 || workflow.body().path("instances").isEmpty()) {
                lost.add("process of ticket " + acked.getValue() + ": " + workflow.status() + " " + workflow.body());
            }
        }
        for (Map.Entry<Long, String> done : load.completions.entrySet()) {
            List<String> open = desk.openTasks(done.getKey());
            if (open == null || open.stream().anyMatch(t -> t.startsWith("firstLineResolution:"))
                    || open.stream().filter(t -> t.startsWith("assignEngineer:")).count() != 1) {
                lost.add("completion of first-line task " + done.getValue() + " of ticket " + done.getKey()
                        + " (204): open tasks now " + open);
            }
        }
        assertThat(lost).as("acknowledged (of %d reports, %d completions) but gone after SIGKILL and restart",
                load.reports.size(), load.completions.size()).isEmpty();
        // every client retries what it never got an answer for, and (to prove the keys hold) what it did
        for (Map.Entry<String, String> sent : load.reportBodies.entrySet()) {
            Client.Answer retry = desk.report(sent.getValue(), sent.getKey());
            Long acked = load.reports.get(sent.getKey());
            if (acked != null) {
                assertThat(retry.status()).as("retry of acknowledged report %s", sent.getKey()).isEqualTo(200);
                assertThat(retry.body().path("id").asLong()).isEqualTo(acked);
            } else {
                assertThat(retry.status()).as("retry of report %s sent before the kill", sent.getKey()).isIn(200, 201);
            }
        }
        for (Map.Entry<Long, String> sent : load.completionsSent.entrySet()) {
            if (load.completions.containsKey(sent.getKey())) {
                continue;
            }
            Client.Answer retry = desk.complete(sent.getValue());
            assertThat(retry.status()).as("retry of completion %s sent before the kill", sent.getValue()).isIn(204, 409);
            assertThat(desk.openTasks(sent.getKey())).isNotNull().filteredOn(t -> t.startsWith("assignEngineer:")).hasSize(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** CLIENTS threads, each reporting faults and completing the first-line task of the tickets it reported. */
    private static final class Load {
        final Map<String, String> reportBodies = new ConcurrentHashMap<>();
        final Map<String, Long> reports = new ConcurrentHashMap<>();
        final Map<Long, String> completionsSent = new ConcurrentHashMap<>();
        final Map<Long, String> completions = new ConcurrentHashMap<>();
        final AtomicInteger otherAnswers = new AtomicInteger();
        /** Reports and completions sent and not yet answered. */
        final AtomicInteger writing = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final Client client;
        private final String name;
        private final long siteId;

        Load(Client client, String name, long siteId) {
            this.client = client;
            this.name = name;
            this.siteId = siteId;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                int n = i;
                Thread t = new Thread(() -> run(n), "crash-client-" + n);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void run(int clientNo) {
            for (int n = 0; !stopped.get(); n++) {
                try {
                    String key = "crash-" + name + "-c" + clientNo + "-" + n;
                    String body = reportBody(siteId, key);
                    reportBodies.put(key, body);
                    Client.Answer created;
                    writing.incrementAndGet();
                    try {
                        created = client.report(body, key);
                    } finally {
                        writing.decrementAndGet();
                    }
                    if (created.status() / 100 != 2) {
                        otherAnswers.incrementAndGet();
                        continue;
                    }
                    long ticketId = created.body().path("id").asLong();
                    reports.put(key, ticketId);
                    List<String> open = client.openTasks(ticketId);
                    String task = open == null ? null : open.stream().filter(t -> t.startsWith("firstLineResolution:"))
                            .map(t -> t.substring(t.indexOf(':') + 1)).findFirst().orElse(null);
                    if (task == null) {
                        otherAnswers.incrementAndGet();
                        continue;
                    }
                    completionsSent.put(ticketId, task);
                    Client.Answer done;
                    writing.incrementAndGet();
                    try {
                        done = client.complete(task);
                    } finally {
                        writing.decrementAndGet();
                    }
                    if (done.status() / 100 == 2) {
                        completions.put(ticketId, task);
                    } else {
                        otherAnswers.incrementAndGet();
                    }
                } catch (IOException e) {
                    // the server is gone (the kill) or did not answer: nothing acknowledged, and this client is done
                    return;
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void awaitAcknowledged(int minReports, int minCompletions, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reports.size() < minReports || completions.size() < minCompletions) {
                assertThat(System.nanoTime()).as("acknowledged reports/completions within %s: %d/%d, other answers %d",
                        timeout, reports.size(), completions.size(), otherAnswers.get()).isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        /** So that the kill hits a report or completion the server is still working on. */
        void awaitAWriteInFlight(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (writing.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private static String reportBody(long siteId, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "EMAIL");
        body.put("requesterName", "Crash client");
        body.put("requesterPhone", "13800000000");
        body.put("siteId", siteId);
        body.put("category", "DEFECT");
        body.put("impact", "MEDIUM");
        body.put("urgency", "MEDIUM");
        body.put("title", "Camera offline " + key);
        body.put("description", "Reported under load before a SIGKILL");
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo desk user over HTTP Basic, as any API client. */
    static final class Client {
        record Answer(int status, JsonNode body) {
        }

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String auth = "Basic " + Base64.getEncoder().encodeToString("desk:demo".getBytes(StandardCharsets.UTF_8));

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        Answer get(String path) throws IOException, InterruptedException {
            return send(request(path).GET().build());
        }

        Answer report(String body, String idempotencyKey) throws IOException, InterruptedException {
            return send(request("/api/tickets").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        Answer complete(String taskId) throws IOException, InterruptedException {
            return send(request("/api/tasks/" + taskId + "/complete")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"category\":\"DEFECT\",\"solvedAtDesk\":false}")).build());
        }

        /** The ticket's open tasks as "key:id"; null if its case file did not answer 200. */
        List<String> openTasks(long ticketId) throws IOException, InterruptedException {
            Answer caseFile = get("/api/tickets/" + ticketId);
            if (caseFile.status() != 200) {
                return null;
            }
            List<String> tasks = new ArrayList<>();
            caseFile.body().path("openTasks").forEach(t -> tasks.add(t.path("key").asText() + ":" + t.path("id").asText()));
            return tasks;
        }

        long firstSiteId() throws IOException, InterruptedException {
            Answer sites = get("/api/sites");
            assertThat(sites.status()).isEqualTo(200);
            assertThat(sites.body().size()).as("demo sites").isPositive();
            return sites.body().get(0).path("id").asLong();
        }

        long ticketCount() throws IOException, InterruptedException {
            Answer page = get("/api/tickets?size=1");
            assertThat(page.status()).isEqualTo(200);
            return page.body().path("totalElements").asLong();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth).header("Content-Type", "application/json");
        }

        private Answer send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : readOrText(text);
            return new Answer(response.statusCode(), json);
        }

        private static JsonNode readOrText(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                return JSON.getNodeFactory().textNode(text);
            }
        }
    }
}
