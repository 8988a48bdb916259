package com.aftercare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.aftercare.support.StandaloneApp;

/**
 * Runs one Playwright script under frontend/e2e in headless Chromium against the real jar's classpath, with demo data
 * on its own in-memory database. Shared by the browser test classes, which are split so that the two test JVMs can run
 * them side by side (ADR 0067). Needs Debian's chromium; on CI (CI=true) a missing browser is a failure, locally a skip.
 */
final class BrowserScript {

    private BrowserScript() {
    }

    static void run(String script, String name) throws Exception {
        run(script, name, Map.of());
    }

    /** Starts the app on a fresh H2 database named {@code name}, runs {@code script} with node against it. */
    static void run(String script, String name, Map<String, String> extraSettings) throws Exception {
        String profiles = System.getProperty("spring.profiles.active", "");
        assumeTrue(!profiles.contains("postgres"), "browser test runs once, in the H2 pass");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        Path frontend = Path.of(System.getProperty("aftercare.frontend.dir", "../frontend")).toAbsolutePath().normalize();
        Path scriptPath = frontend.resolve(script);
        boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!onCi) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        assertThat(chromium).as("Chromium for the browser test").isExecutable();
        assertThat(scriptPath).exists();
        assertThat(frontend.resolve("node_modules/playwright-core")).as("npm ci ran in frontend/").exists();

        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "aftercare.demo.enabled", "true",
                // the demo devices are probed on this server's own loopback port, as in the demo profile
                "aftercare.outbound.allow", "127.0.0.0/8",
                "aftercare.probe.worker-enabled", "true",
                "aftercare.probe.poll-interval-ms", "300"));
        settings.putAll(extraSettings);
        try (StandaloneApp app = StandaloneApp.start(name, settings)) {
            Path log = Files.createTempFile("e2e", ".log");
            Process node = new ProcessBuilder("node", scriptPath.toString(), "http://127.0.0.1:" + app.port())
                    .directory(frontend.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = node.waitFor(4, TimeUnit.MINUTES);
            if (!finished) {
                node.destroyForcibly();
            }
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(finished).as(script + " finished in time:\n" + output).isTrue();
            assertThat(node.exitValue()).as(script + " output:\n" + output).isZero();
            new File(log.toString()).delete();
        }
    }
}
