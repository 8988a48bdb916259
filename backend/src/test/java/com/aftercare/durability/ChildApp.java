package com.aftercare.durability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.aftercare.AftercareApplication;

/**
 * The real application in a child JVM, so that a test can kill it the hard way: {@link Process#destroyForcibly()}
 * sends SIGKILL on Linux (the JVM gets no shutdown hook, H2 no close, Tomcat no drain), as kill -9, a power cut of
 * the process or the OOM killer would. Its output goes to target/crash-durability/*.log.
 */
final class ChildApp {

    /** -Dchild.startSeconds=... (through -DargLine) on a machine busy with other builds */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Integer.getInteger("child.startSeconds", 300));
    private final Process process;
    private final int port;

    private ChildApp(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ChildApp start(String name, List<String> args) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // small: two cores are shared. C1 only: a child lives for one round of a test, and C2's compiling is most of a
        // start-up's CPU (measured: a demo start 36-40 s of CPU with C2, 17 s with C1 only; ADR 0072)
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("-cp", mainClasspath(), AftercareApplication.class.getName()));
        command.add("--server.port=" + port);
        // the load is one desk user reporting far more than a person could; the limit is HardeningTest's business
        command.add("--aftercare.security.intake-per-minute=1000000");
        // probes of the demo devices would add tickets of their own to the count
        command.add("--aftercare.probe.worker-enabled=false");
        // every request of these tests signs in with HTTP Basic: the demo users' hashes at bcrypt's lowest cost make a
        // check ~1/64 of the shipped cost 10's (what these tests prove does not depend on it; ADR 0072)
        command.add("--aftercare.security.bcrypt-cost=4");
        command.addAll(args);
        Path logs = Path.of("target", "crash-durability");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // should this test JVM end early (a timeout, Ctrl-C), its children go with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ChildApp app = new ChildApp(process, port);
        app.awaitReady(log);
        return app;
    }

    int port() {
        return port;
    }

    /** SIGKILL, then the exit code (137 = 128 + SIGKILL). */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Up when the demo desk user can list the demo sites (demo data is loaded once the server is ready). */
    private void awaitReady(Path log) throws InterruptedException, IOException {
        CrashDurabilityTest.Client desk = new CrashDurabilityTest.Client(port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " while starting:\n" + tail(log));
            }
            try {
                CrashDurabilityTest.Client.Answer sites = desk.get("/api/sites");
                if (sites.status() == 200 && sites.body().size() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the application did not start within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * This JVM's class path without the test classes (their test configurations must not be scanned into the
     * product). Surefire may start tests with a manifest-only jar whose Class-Path names the real entries.
     */
    static String mainClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            List<String> listed = entry.endsWith(".jar") && Files.isRegularFile(path) ? manifestClassPath(path) : List.of();
            if (listed.isEmpty()) {
                entries.add(path.toAbsolutePath().toString());
            } else {
                entries.addAll(listed);
            }
        }
        entries.removeIf(e -> Path.of(e).endsWith("test-classes"));
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            // only a manifest-only jar (Surefire's booter) stands for other entries; ordinary jars list no classes then
            if (classPath == null || classPath.isBlank() || hasClasses(file)) {
                return List.of();
            }
            URI base = jar.toAbsolutePath().getParent().toUri();
            List<String> entries = new ArrayList<>();
            for (String token : classPath.trim().split("\\s+")) {
                entries.add(Path.of(base.resolve(token)).toString());
            }
            return entries;
        }
    }

    private static boolean hasClasses(JarFile file) {
        return file.stream().anyMatch(e -> e.getName().endsWith(".class"));
    }
}
