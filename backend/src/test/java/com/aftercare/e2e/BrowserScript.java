package com.aftercare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.aftercare.support.StandaloneApp;

/**
 * Runs Playwright scripts under frontend/e2e in headless Chromium against the real jar's classpath, with demo data
 * on an in-memory database. Shared by the browser test classes, which are split so that the two test JVMs can run
 * them side by side (ADR 0067). Needs Debian's chromium; on CI (CI=true) a missing browser is a failure, locally a skip.
 * <p>
 * A class starts one app for the scripts that run with equal settings ({@link #startApp}) and runs them against it one
 * after another ({@link #run(StandaloneApp, String)}): a start with demo data cost about as much as a script, and the
 * scripts make their own cases on a camera no other case uses (harness.mjs findSiteAndDevice). A script with settings of
 * its own gets an app of its own ({@link #run(String, String, Map)}).
 */
final class BrowserScript {

    private BrowserScript() {
    }

    /** Starts the app on a fresh H2 database named {@code name}, runs {@code script} against it, stops it. */
    static void run(String script, String name) throws Exception {
        run(script, name, Map.of());
    }

    /** As {@link #run(String, String)}, with settings of its own on top of the browser tests' ones. */
    static void run(String script, String name, Map<String, String> extraSettings) throws Exception {
        try (StandaloneApp app = startApp(name, extraSettings)) {
            run(app, script);
        }
    }

    /**
     * The app with demo data on a fresh H2 database named {@code name}, for one or more scripts; skips (locally) or
     * fails (CI) first if there is no browser to run them with.
     */
    static StandaloneApp startApp(String name, Map<String, String> extraSettings) {
        String profiles = System.getProperty("spring.profiles.active", "");
        assumeTrue(!profiles.contains("postgres"), "browser test runs once, in the H2 pass");
        assertBrowserReady();
        Map<String, String> settings = new HashMap<>(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "aftercare.demo.enabled", "true",
                // the demo devices are probed on this server's own loopback port, as in the demo profile
                "aftercare.outbound.allow", "127.0.0.0/8",
                "aftercare.probe.worker-enabled", "true",
                "aftercare.probe.poll-interval-ms", "300"));
        settings.putAll(extraSettings);
        long started = System.nanoTime();
        StandaloneApp app = StandaloneApp.start(name, settings);
        System.out.printf("BrowserScript: the app %s started in %.1f s%n", name, (System.nanoTime() - started) / 1e9);
        return app;
    }

    /** Runs {@code script} with node against the running {@code app}; fails with the script's output. */
    static void run(StandaloneApp app, String script) throws Exception {
        assertBrowserReady();
        Path scriptPath = frontend().resolve(script);
        assertThat(scriptPath).exists();
        long started = System.nanoTime();
        Path log = Files.createTempFile("e2e", ".log");
        Process node = new ProcessBuilder("node", scriptPath.toString(), "http://127.0.0.1:" + app.port())
                .directory(frontend().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = node.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        System.out.printf("BrowserScript: %s ran %.1f s%n", script, (System.nanoTime() - started) / 1e9);
        assertThat(finished).as(script + " finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as(script + " output:\n" + output).isZero();
        new File(log.toString()).delete();
    }

    private static void assertBrowserReady() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!onCi) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        assertThat(chromium).as("Chromium for the browser test").isExecutable();
        assertThat(frontend().resolve("node_modules/playwright-core")).as("npm ci ran in frontend/").exists();
    }

    private static Path frontend() {
        return Path.of(System.getProperty("aftercare.frontend.dir", "../frontend")).toAbsolutePath().normalize();
    }
}
