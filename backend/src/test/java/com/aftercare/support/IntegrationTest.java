package com.aftercare.support;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.engineer.EngineerService;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.ReadTimeline;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.SearchTickets;
import com.aftercare.workflow.steps.ProbeWorker;
import com.aftercare.workflow.TaskView;
import com.aftercare.workflow.WorkflowTaskService;

/**
 * Base for tests against the whole application: real engine, real database (H2 in memory, or
 * PostgreSQL with the postgres profile), real HTTP. All subclasses share one Spring context.
 * The job executor is off: tests fire timers by executing their jobs.
 * <p>
 * Tagged "database" (inherited by every subclass): the PostgreSQL stage of .ci/run runs this tag only, less
 * {@link H2Only}; tests without a database (pure units, ArchUnit) run in the H2 stage alone.
 */
@Tag("database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "secret-pw";
    protected static final FakeDevice DEVICE = new FakeDevice();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(ZoneId.of("Asia/Shanghai"));
        }

        /** The steps and variables the product does not store in the engine's history (ADR 0058), in memory. */
        @Bean
        RecordedHistory recordedHistory() {
            return new RecordedHistory();
        }
    }

    /** Notification mail goes to a real SMTP server inside the test JVM (see TestSmtp). */
    @DynamicPropertySource
    static void testSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
    }

    @Autowired protected MutableClock clock;
    @Autowired protected FindTicket tickets;
    @Autowired protected ReportFault reportFault;
    @Autowired protected SearchTickets searchTickets;
    @Autowired protected ReadTimeline readTimeline;
    @Autowired protected WorkflowTaskService tasks;
    @Autowired protected AssetService assets;
    @Autowired protected ProbeWorker probeWorker;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected HistoryService historyService;
    @Autowired protected ManagementService managementService;
    @Autowired protected RecordedHistory recordedHistory;
    @Autowired private AccountService accounts;
    @Autowired private EngineerService engineers;

    protected Site site;
    protected Device device;

    @BeforeEach
    void baseFixtures() {
        clock.reset();
        DEVICE.up();
        accounts.createIfAbsent("t-desk", PASSWORD, "Test Desk", Set.of(Role.SERVICE_DESK));
        accounts.createIfAbsent("t-eng", PASSWORD, "Test Engineer", Set.of(Role.ENGINEER));
        accounts.createIfAbsent("t-eng2", PASSWORD, "Test Engineer 2", Set.of(Role.ENGINEER));
        accounts.createIfAbsent("t-sup", PASSWORD, "Test Supervisor", Set.of(Role.SUPERVISOR));
        accounts.createIfAbsent("t-admin", PASSWORD, "Test Admin", Set.of(Role.ADMIN));
        if (!engineers.exists("t-eng")) {
            engineers.create("t-eng", "Test Engineer", "1", "Test team");
            engineers.create("t-eng2", "Test Engineer 2", "2", "Test team");
        }
        int n = SEQ.incrementAndGet();
        String unique = getClass().getSimpleName() + "-" + n + "-" + System.nanoTime();
        Customer customer = assets.createCustomer("Customer " + unique);
        site = assets.createSite(new NewSite(customer.getId(), "Site " + unique, "Road 1", Region.CITY, "Contact", "123"));
        // OTHER: verified by TCP and HTTP "as configured" (the fake device); a camera's VC-3 policy needs RTSP and its
        // recorder, which VerificationProcessTest sets up where a test is about them (issue 14)
        device = assets.createDevice(new NewDevice(site.getId(), DeviceType.OTHER, "Camera " + unique, "X1", "SN-" + unique,
                "127.0.0.1", null, String.valueOf(DEVICE.port()), DEVICE.url(), false));
    }

    @AfterAll
    static void deviceBackUp() {
        DEVICE.up();
    }

    protected NewTicket newTicket(Category category, Grade impact, Grade urgency) {
        return new NewTicket(Channel.HOTLINE, "Li Lei", "Traffic police", "13900000000", site.getId(), device.getId(),
                category, impact, urgency, "Camera shows no picture", "Since this morning the camera shows black");
    }

    /** A valid POST /api/tickets body for this test's site and device; tests change one field to break it. */
    protected Map<String, Object> ticketBody(String channel, String impact, String urgency) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("channel", channel);
        body.put("requesterName", "Li Lei");
        body.put("requesterUnit", "Traffic police");
        body.put("requesterPhone", "139 0000 0000");
        body.put("siteId", site.getId());
        body.put("deviceId", device.getId());
        body.put("category", "DEFECT");
        body.put("impact", impact);
        body.put("urgency", urgency);
        body.put("title", "Camera C-01 shows no picture");
        body.put("description", "Black screen since 8:00");
        return body;
    }

    protected Ticket report(Category category) {
        return reportFault.report(newTicket(category, Grade.LOW, Grade.LOW), null).ticket();
    }

    protected static Set<Role> roles(String user) {
        return switch (user) {
            case "t-desk" -> Set.of(Role.SERVICE_DESK);
            case "t-eng", "t-eng2" -> Set.of(Role.ENGINEER);
            case "t-sup" -> Set.of(Role.SUPERVISOR);
            default -> Set.of(Role.ADMIN);
        };
    }

    /** The one open task with this key on the ticket. */
    protected TaskView task(Ticket ticket, String key) {
        List<TaskView> open = tasks.tasksOfTicket(tickets.get(ticket.getId()).getNumber(), "t-admin", Set.of(Role.ADMIN)).stream()
                .filter(t -> t.key().equals(key)).toList();
        if (open.size() != 1) {
            throw new AssertionError("expected one open task " + key + " on " + ticket.getNumber() + " but found "
                    + tasks.openTaskKeys(ticket.getNumber()));
        }
        return open.get(0);
    }

    protected void complete(Ticket ticket, String key, String user, Map<String, Object> values) {
        tasks.complete(task(ticket, key).id(), values, user, roles(user));
    }

    protected Set<String> openTaskKeys(Ticket ticket) {
        return tasks.openTaskKeys(tickets.get(ticket.getId()).getNumber()).keySet();
    }

    /** Every activity any process of this case has passed through (all call activities included). */
    /** The steps the case's processes entered: from the engine's history events, which the product does not store. */
    protected Set<String> passedActivities(Ticket ticket) {
        String number = tickets.get(ticket.getId()).getNumber();
        Set<String> ids = new HashSet<>();
        for (HistoricProcessInstance p : historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
            ids.addAll(recordedHistory.activities(p.getId()));
        }
        return ids;
    }

    protected boolean caseProcessEnded(Ticket ticket) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tickets.get(ticket.getId()).getNumber())
                .count() == 0;
    }

    /** The timer job of an event in this case: on its main process or a process it called (e.g. dispatch). */
    protected Job timerJob(Ticket ticket, String activityId) {
        String businessKey = tickets.get(ticket.getId()).getNumber();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .map(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
                        .activityId(activityId).timers().singleResult())
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> {
                    throw new IllegalStateException("two timers " + activityId + " in case " + businessKey);
                }).orElse(null);
    }

    /**
     * Desk takes it to dispatch, engineer accepts, checks in, writes the diagnosis report and reports it fixed: the
     * case now waits for the probe.
     */
    protected void dispatchAndFix(Ticket ticket) {
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Loose power cable", "fixOutcome", "FIXED",
                "solution", "Re-seated the cable"));
    }

    /** The field steps before the work (dispatch.bpmn): the engineer checks in (no emergency) and reports the diagnosis. */
    protected void checkInAndReport(Ticket ticket) {
        complete(ticket, "checkIn", "t-eng", Map.of("emergency", false));
        complete(ticket, "diagnosisReport", "t-eng", Map.of("symptom", "Black picture", "diagnosis", "No power on the camera"));
    }

    /**
     * The field steps after a passed probe (dispatch.bpmn): the customer's tester confirms on the engineer's phone
     * (without a signature) and the desk accepts the service form; the case then goes on to the callback.
     */
    protected void confirmAndAudit(Ticket ticket) {
        complete(ticket, "confirmCompletion", "t-eng", Map.of("testerName", "Wang Wu", "confirmed", true));
        complete(ticket, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
    }
}
