package com.aftercare.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Gives each test JVM of a PostgreSQL run its own database. Surefire runs the suite in two JVMs at once (ADR 0061);
 * on one database they would race each other's Flyway and count each other's cases. So a JVM whose configured
 * PostgreSQL URL names database {@code aftercare_ci} uses {@code aftercare_ci_fork1} (its surefire fork number),
 * created fresh, as the stage's database was, the first time a context of that JVM asks for it.
 * <p>
 * Only the configured URL is moved (application-postgres.yml, i.e. AFTERCARE_DB_URL): an app a test starts with a
 * URL of its own on the command line (BackupRestoreTest's) keeps it. Outside surefire (no fork number) and on H2
 * (each JVM has its own in-memory database anyway) nothing changes. Registered in META-INF/spring.factories of the
 * test classpath, so it also reaches the apps tests start with {@link StandaloneApp}.
 * <p>
 * A context that must not share the suite's database (the statement counts' own, {@code CountedStatementsContext})
 * names one with {@value #OWN_DATABASE}: on PostgreSQL it gets a fresh database of that name beside the JVM's
 * ({@code aftercare_ci_fork1_inboxcount}), on H2 an in-memory database of that name, so its counts are pinned on both.
 */
public class ForkDatabase implements EnvironmentPostProcessor {

    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?");
    /** the databases this JVM has created: a second context of the same JVM shares it, as all shared one before */
    private static final Set<String> CREATED = new HashSet<>();

    /** The property naming a context's own database (see the class comment). */
    public static final String OWN_DATABASE = "aftercare.test.own-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        PropertySource<?> commandLine = environment.getPropertySources().get("commandLineArgs");
        if (commandLine != null && commandLine.containsProperty("spring.datasource.url")) {
            return;
        }
        // "fork1", "fork2" from the surefire configuration (backend/pom.xml)
        String fork = System.getProperty("aftercare.test.fork", "");
        boolean forked = fork.matches("fork\\d+");
        String own = environment.getProperty(OWN_DATABASE);
        if (own != null && !own.matches("[a-z0-9]+")) {
            throw new IllegalStateException(OWN_DATABASE + " must be lower-case letters and digits: " + own);
        }
        String url = environment.getProperty("spring.datasource.url");
        Matcher m = url == null ? null : POSTGRES_URL.matcher(url);
        if (m == null || !m.matches()) {
            if (own != null) {
                environment.getPropertySources().addFirst(new MapPropertySource("ownDatabase",
                        Map.of("spring.datasource.url", "jdbc:h2:mem:aftercare-" + own + ";DB_CLOSE_DELAY=-1")));
            }
            return;
        }
        if (!forked && own == null) {
            return;
        }
        String database = m.group(2) + (forked ? "_" + fork : "") + (own == null ? "" : "_" + own);
        String forkUrl = m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
        createOnce(m.group(1) + "postgres", database, environment.getProperty("spring.datasource.username", "postgres"),
                environment.getProperty("spring.datasource.password", ""));
        environment.getPropertySources().addFirst(new MapPropertySource("forkDatabase", Map.of("spring.datasource.url", forkUrl)));
    }

    private static synchronized void createOnce(String serverUrl, String database, String user, String password) {
        if (!CREATED.add(database)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create this test JVM's database " + database + " on " + serverUrl, e);
        }
    }
}
