package com.aftercare.durability;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.audit.AuditService;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.StandaloneApp;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.workflow.TaskView;
import com.aftercare.workflow.WorkflowTaskService;

/**
 * README "Backup and restore", done as written: a custom-format pg_dump of a running installation, restored with
 * pg_restore into an empty database, is a working installation. The audit chain verifies with the same head, and a
 * case caught mid-process goes on from where it stood: its open task is there and completes into the next step, its
 * escalation timers are there with their due times and fire. On its own two databases (not the suite's), PostgreSQL
 * runs only ({@code -Ppostgres}); the H2 file database is backed up by copying the stopped file (README).
 * Database names: aftercare_restore and aftercare_restore_to, or {@code -DargLine="-Drestore.db=A -Drestore.db.to=B"}.
 */
@Tag("database") // the PostgreSQL stage selects it (the postgres profile runs tag database)
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "pg_dump and pg_restore: PostgreSQL only")
class BackupRestoreTest {

    private static final String HOST = "127.0.0.1";
    private static final String SERVER = "jdbc:postgresql://" + HOST + ":5432/";
    private static final String FROM = System.getProperty("restore.db", "aftercare_restore");
    private static final String TO = System.getProperty("restore.db.to", FROM + "_to");
    private static final String PASSWORD = "restore-pw";

    @TempDir
    Path dir;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseVerifiesAndItsCasesGoOn() throws Exception {
        recreate(FROM);
        recreate(TO);

        String midway;
        String fresh;
        long midwayId;
        AuditService.Verification before;
        List<Instant> timersBefore;
        try (StandaloneApp app = StandaloneApp.start("restore-from", settings(FROM))) {
            Site site = fixtures(app);
            ReportFault report = app.bean(ReportFault.class);
            Ticket a = report.report(newTicket(site), null).ticket();
            Ticket b = report.report(newTicket(site), null).ticket();
            midway = a.getNumber();
            midwayId = a.getId();
            fresh = b.getNumber();
            // the first case is past the desk's first line and waits for dispatch
            complete(app, midway, "firstLineResolution", "r-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
            assertThat(openTasks(app, midway)).containsExactly("assignEngineer");
            before = app.bean(AuditService.class).verify(Optional.empty());
            assertThat(before.ok()).isTrue();
            timersBefore = escalationTimers(app, midway).stream().map(j -> j.getDuedate().toInstant()).toList();
            assertThat(timersBefore).isNotEmpty();
        }

        Path dump = dir.resolve("aftercare.dump");
        run("pg_dump", "-h", HOST, "-U", "postgres", "--format=custom", "--file=" + dump, FROM);
        assertThat(Files.size(dump)).isPositive();
        run("pg_restore", "-h", HOST, "-U", "postgres", "--no-owner", "--exit-on-error", "--dbname=" + TO, dump.toString());

        try (StandaloneApp app = StandaloneApp.start("restore-to", settings(TO))) {
            AuditService.Verification after = app.bean(AuditService.class).verify(Optional.empty());
            assertThat(after.ok()).as("audit chain of the restored database").isTrue();
            assertThat(after.entries()).isEqualTo(before.entries());
            assertThat(after.headHash()).isEqualTo(before.headHash());

            // the timers are there with their due times, and the engine fires them
            List<Job> timers = escalationTimers(app, midway);
            assertThat(timers).extracting(j -> j.getDuedate().toInstant()).containsExactlyElementsOf(timersBefore);
            app.bean(ManagementService.class).executeJob(timers.get(0).getId());

            // the case caught mid-process is dispatched and its engineer's step opens; the fresh one is still at the desk
            complete(app, midway, "assignEngineer", "r-desk", Map.of("engineer", "r-eng"));
            FindTicket tickets = app.bean(FindTicket.class);
            Ticket dispatched = tickets.get(midwayId);
            assertThat(dispatched.getAssignee()).isEqualTo("r-eng");
            assertThat(dispatched.getStatus()).isNotEqualTo(TicketStatus.AWAITING_DISPATCH);
            assertThat(openTasks(app, midway)).contains("acceptAssignment");
            assertThat(openTasks(app, fresh)).containsExactly("firstLineResolution");

            // and the restored installation writes on: the chain still verifies after the new steps
            assertThat(app.bean(AuditService.class).verify(Optional.empty()).ok()).isTrue();
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + FROM + " with (force)");
            s.execute("drop database if exists " + TO + " with (force)");
        }
    }

    private Map<String, String> settings(String database) {
        return Map.of("spring.datasource.url", SERVER + database, "spring.datasource.username", "postgres",
                "spring.datasource.password", "", "aftercare.data-dir", dir.resolve(database).toString(),
                "aftercare.notify.worker-enabled", "false", "spring.mail.host", "");
    }

    private static Site fixtures(StandaloneApp app) {
        AccountService accounts = app.bean(AccountService.class);
        accounts.createIfAbsent("r-desk", PASSWORD, "Restore Desk", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent("r-eng", PASSWORD, "Restore Engineer", Set.of(Role.ENGINEER));
        app.bean(EngineerService.class).create("r-eng", "Restore Engineer", "1", "Restore team");
        AssetService assets = app.bean(AssetService.class);
        Customer customer = assets.createCustomer("Restore customer");
        return assets.createSite(new NewSite(customer.getId(), "Restore site", "Road 1", Region.CITY, "Contact", "123"));
    }

    private static NewTicket newTicket(Site site) {
        return new NewTicket(Channel.HOTLINE, "Li Lei", "Traffic police", "13900000000", site.getId(), null,
                Category.DEFECT, Grade.LOW, Grade.LOW, "Camera shows no picture", "Since this morning the camera shows black");
    }

    private static void complete(StandaloneApp app, String number, String key, String user, Map<String, Object> values) {
        WorkflowTaskService tasks = app.bean(WorkflowTaskService.class);
        TaskView task = tasks.tasksOfTicket(number, "r-admin", Set.of(Role.ADMIN)).stream().filter(t -> t.key().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no open task " + key + " on " + number));
        tasks.complete(task.id(), values, user, Set.of(Role.SERVICE_DESK));
    }

    private static List<String> openTasks(StandaloneApp app, String number) {
        return app.bean(WorkflowTaskService.class).tasksOfTicket(number, "r-admin", Set.of(Role.ADMIN)).stream()
                .map(TaskView::key).toList();
    }

    private static List<Job> escalationTimers(StandaloneApp app, String number) {
        ManagementService management = app.bean(ManagementService.class);
        return app.bean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .sorted(Comparator.comparing(Job::getDuedate).thenComparing(Job::getId)).toList();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
    }

    private static void recreate(String database) throws SQLException {
        try (Connection c = server(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
    }

    private static Connection server() throws SQLException {
        return DriverManager.getConnection(SERVER + "postgres", "postgres", "");
    }
}
