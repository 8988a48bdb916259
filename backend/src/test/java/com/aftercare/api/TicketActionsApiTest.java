package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.sla.CalendarKind;
import com.aftercare.sla.ContractSettings;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.ClockEvaluation;
import com.aftercare.sla.SaveContract;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.HoldReason;
import com.aftercare.ticket.PutOnHold;
import com.aftercare.ticket.ReportAbnormalEvent;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketAction;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case file's {@code availableActions} is exactly what the ticket's endpoints accept: for tickets in several
 * states and a user of each role, every listed action is accepted by its endpoint and every other one is refused
 * (403 or 409). Each call runs in a transaction that is rolled back, so every action meets the ticket in the very
 * state it was listed for, and the refused ones are shown to leave nothing behind.
 */
class TicketActionsApiTest extends IntegrationTest {

    private static final Map<String, Set<Role>> USERS = new LinkedHashMap<>();
    static {
        USERS.put("t-desk", Set.of(Role.SERVICE_DESK));
        USERS.put("t-eng", Set.of(Role.ENGINEER)); // the engineer the cases are dispatched to
        USERS.put("t-eng2", Set.of(Role.ENGINEER));
        USERS.put("t-sup", Set.of(Role.SUPERVISOR));
        USERS.put("t-admin", Set.of(Role.ADMIN));
        USERS.put("t-owner", Set.of(Role.PROCESS_OWNER));
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext web;
    @Autowired PlatformTransactionManager transactions;
    @Autowired PolicyCatalog policyCatalog;
    @Autowired ClockEvaluation clockEvaluation;
    @Autowired SaveContract saveContract;
    @Autowired PutOnHold putOnHold;
    @Autowired ReportAbnormalEvent reportAbnormalEvent;
    @Autowired AccountService accounts;
    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Process Owner", Set.of(Role.PROCESS_OWNER));
    }

    /** A valid request for the action on this ticket: if it is refused, the refusal is about who or when, not the input. */
    private MockHttpServletRequestBuilder requestFor(TicketAction action, Ticket ticket) {
        String base = "/api/tickets/" + ticket.getId();
        return switch (action) {
            case HOLD -> json(HttpMethod.POST, base + "/hold", Map.of("reason",
                    "WAITING_PARTS".equals(ticket.getHoldReason()) ? "WAITING_CUSTOMER" : "WAITING_PARTS"));
            case RESUME -> request(HttpMethod.DELETE, base + "/hold");
            case CHANGE_LEVEL -> json(HttpMethod.PUT, base + "/level", Map.of("level", otherLevel(ticket),
                    "reason", "impact was misjudged"));
            case ARRIVE_ON_SITE -> request(HttpMethod.POST, base + "/on-site");
            case SUBMIT_SOLUTION_PLAN, SUBMIT_CONTINGENCY_PLAN, SUBMIT_FAULT_REPORT -> json(HttpMethod.POST,
                    base + "/deliverables", Map.of("kind", action.name().substring("SUBMIT_".length()),
                            "text", "Cause, fix and prevention"));
            case REPORT_ABNORMAL_EVENT -> json(HttpMethod.POST, base + "/abnormal-events",
                    Map.of("description", "cabinet flooded", "technical", false));
            case ACKNOWLEDGE_ABNORMAL_EVENT -> request(HttpMethod.POST, base + "/abnormal-events/acknowledge");
            case REPORT_DELAY -> json(HttpMethod.POST, base + "/delay", Map.of("reason", "car broke down"));
        };
    }

    private String otherLevel(Ticket ticket) {
        return policyCatalog.definition(ticket.getPolicyId()).levels().stream().map(PolicyDefinition.LevelSpec::code)
                .filter(code -> !code.equals(ticket.getLevel())).findFirst().orElseThrow();
    }

    private static MockHttpServletRequestBuilder json(HttpMethod method, String path, Object body) {
        try {
            return request(method, path).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse perform(String username, MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request.with(user(username).roles(USERS.get(username).stream().map(Role::name)
                    .toArray(String[]::new)))).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TicketAction> listed(String username, Ticket ticket) throws Exception {
        MockHttpServletResponse r = perform(username, request(HttpMethod.GET, "/api/tickets/" + ticket.getId()));
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode actions = JSON.readTree(r.getContentAsString()).path("availableActions");
        assertThat(actions.isArray()).as("availableActions of ticket " + ticket.getId() + " for " + username).isTrue();
        List<TicketAction> result = new ArrayList<>();
        actions.forEach(a -> result.add(TicketAction.valueOf(a.asText())));
        return result;
    }

    /** Calls every action as every user, each in its own rolled-back transaction; returns what each user was offered. */
    private Map<String, List<TicketAction>> offeredExactlyWhatIsAccepted(Ticket ticket) throws Exception {
        Ticket current = tickets.get(ticket.getId());
        int milestones = clockEvaluation.milestones(ticket.getId()).size();
        int timeline = readTimeline.of(ticket.getId()).size();
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        Map<String, List<TicketAction>> offered = new LinkedHashMap<>();
        for (String username : USERS.keySet()) {
            List<TicketAction> listed = listed(username, current);
            offered.put(username, listed);
            for (TicketAction action : TicketAction.values()) {
                MockHttpServletResponse r = rolledBack.execute(status -> {
                    status.setRollbackOnly();
                    return perform(username, requestFor(action, current));
                });
                String what = username + " " + action + " on " + current.getStatus() + " ticket listing " + listed + ": "
                        + r.getStatus() + " " + r.getContentAsString();
                if (listed.contains(action)) {
                    assertThat(r.getStatus()).as(what).isBetween(200, 299);
                } else {
                    assertThat(r.getStatus()).as(what).isIn(403, 409);
                }
            }
        }
        assertThat(clockEvaluation.milestones(ticket.getId())).as("nothing kept").hasSize(milestones);
        assertThat(readTimeline.of(ticket.getId())).as("nothing kept").hasSize(timeline);
        return offered;
    }

    private Ticket reported(Grade impact, Grade urgency) {
        return reportFault.report(newTicket(Category.DEFECT, impact, urgency), null).ticket();
    }

    private Ticket dispatchedToEngineer(Grade impact, Grade urgency) {
        Ticket ticket = reported(impact, urgency);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        return ticket;
    }

    /**
     * Closed after the callback. Solved at the desk, no service form was written, so the fault report is still owed;
     * fixed on site, the desk's accepted service form is the report (ADR 0026) and nothing is owed.
     */
    private Ticket closed(boolean fixedOnSite) {
        Ticket ticket = reported(Grade.LOW, Grade.LOW);
        if (fixedOnSite) {
            dispatchAndFix(ticket);
            probeWorker.runOnce();
            confirmAndAudit(ticket);
        } else {
            complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", true,
                    "deskNote", "Explained how to replay video"));
        }
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED", "satisfaction", "5"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
        return ticket;
    }

    @Test
    void aNewCaseAtTheDeskOffersNoFieldWorkToEngineersAndNoAcknowledgement() throws Exception {
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(reported(Grade.LOW, Grade.LOW));
        assertThat(offered.get("t-desk")).containsExactly(TicketAction.HOLD, TicketAction.CHANGE_LEVEL);
        // nobody's field work yet, and an engineer holds only a ticket assigned to them
        assertThat(offered.get("t-eng")).isEmpty();
        assertThat(offered.values()).noneMatch(l -> l.contains(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT)
                || l.contains(TicketAction.RESUME) || l.contains(TicketAction.SUBMIT_FAULT_REPORT));
        assertThat(offered.get("t-owner")).isEmpty();
    }

    @Test
    void aDispatchedClassACaseOffersItsPlansAndTheAssignedEngineersFieldActions() throws Exception {
        saveContract.save(site.getCustomer().getId(), new ContractSettings("Class contract", "CLASS_ABCD",
                CalendarKind.SEVEN_BY_24, "Asia/Shanghai", null, null, null, null, false, null, null, null));
        Ticket ticket = dispatchedToEngineer(Grade.HIGH, Grade.HIGH); // class A: solution and contingency plans owed
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(ticket);
        assertThat(offered.get("t-eng")).containsExactly(TicketAction.HOLD, TicketAction.ARRIVE_ON_SITE,
                TicketAction.SUBMIT_SOLUTION_PLAN, TicketAction.SUBMIT_CONTINGENCY_PLAN, TicketAction.REPORT_ABNORMAL_EVENT,
                TicketAction.REPORT_DELAY);
        // another engineer may hand in the plans but not stop this ticket's clocks
        assertThat(offered.get("t-eng2")).containsExactly(TicketAction.SUBMIT_SOLUTION_PLAN,
                TicketAction.SUBMIT_CONTINGENCY_PLAN);
    }

    @Test
    void aCaseOnHoldOffersResumeAndTheOtherHoldReason() throws Exception {
        Ticket ticket = dispatchedToEngineer(Grade.LOW, Grade.LOW);
        putOnHold.hold(new PutOnHold.Command(ticket.getId(), HoldReason.WAITING_CUSTOMER, "customer away until Monday"));
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(ticket);
        assertThat(offered.get("t-desk")).contains(TicketAction.RESUME, TicketAction.HOLD);
        assertThat(offered.get("t-owner")).isEmpty();
    }

    @Test
    void anAbnormalEventReportedIsOfferedForAcknowledgementToTheProjectManagersRoles() throws Exception {
        Ticket ticket = dispatchedToEngineer(Grade.LOW, Grade.LOW);
        reportAbnormalEvent.report(new ReportAbnormalEvent.Command(ticket.getId(), "cabinet flooded, power cut to the whole pole", false));
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(ticket);
        assertThat(offered.get("t-sup")).contains(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT);
        assertThat(offered.get("t-admin")).contains(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT);
        assertThat(offered.get("t-desk")).doesNotContain(TicketAction.ACKNOWLEDGE_ABNORMAL_EVENT);
    }

    @Test
    void aClosedCaseThatStillOwesItsFaultReportOffersExactlyThatToEveryoneWhoMayHandItIn() throws Exception {
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(closed(false));
        for (String staff : List.of("t-desk", "t-eng", "t-eng2", "t-sup", "t-admin")) {
            assertThat(offered.get(staff)).as(staff).containsExactly(TicketAction.SUBMIT_FAULT_REPORT);
        }
        assertThat(offered.get("t-owner")).isEmpty();
    }

    @Test
    void aClosedCaseWithNothingOwedOffersNothing() throws Exception {
        Map<String, List<TicketAction>> offered = offeredExactlyWhatIsAccepted(closed(true));
        assertThat(offered.values()).allMatch(List::isEmpty);
        assertThat(EnumSet.allOf(TicketAction.class)).hasSize(10); // a new action needs a request in requestFor
    }
}
