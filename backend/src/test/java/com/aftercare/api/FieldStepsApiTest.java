package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.asset.Customer;
import com.aftercare.identity.AccountService;
import com.aftercare.serviceform.VisitRecord;
import com.aftercare.serviceform.VisitRecords;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The customer's side of the field steps over HTTP (FW-4, VC-2): the case file's customerStep, the plan review and
 * the remote completion confirmation. Wrong state 409, bad input 400 naming the field, another unit's ticket 404, and
 * a refused request changes nothing.
 */
class FieldStepsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired VisitRecords visits;
    ApiClient api;
    String customer;
    String stranger;

    @BeforeEach
    void users() {
        api = new ApiClient(rest);
        customer = "cust-field-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customer, PASSWORD, "Customer field", site.getCustomer().getId());
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        stranger = "cust-other-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(stranger, PASSWORD, "Other customer", other.getId());
    }

    private void contractOwingPlans() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Field O&M", "policyCode", "THREE_LEVEL", "calendar", "SEVEN_BY_24",
                "zone", "Asia/Shanghai", "notifyEmail", false));
        body.put("planLevels", List.of("1", "2", "3"));
        ApiClient.Response r = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + site.getCustomer().getId(), body, null);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("planLevels").toString()).isEqualTo("[\"1\",\"2\",\"3\"]");
    }

    private Ticket acceptedAndReported() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        checkInAndReport(ticket);
        return ticket;
    }

    private String path(Ticket t, String what) {
        return "/api/tickets/" + t.getId() + "/" + what;
    }

    @Test
    void customerReviewsThePlanInThePortal() {
        contractOwingPlans();
        Ticket ticket = acceptedAndReported();
        assertThat(openTaskKeys(ticket)).containsExactly("recoveryPlan");
        assertThat(api.post(customer, path(ticket, "plan-review"), Map.of("approved", true)).status())
                .as("no plan waits for review yet").isEqualTo(409);
        assertThat(api.get(customer, "/api/tickets/" + ticket.getId()).body().path("customerStep").isObject()).as("no customerStep").isFalse();

        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing at 23:00 / 今晚23点更换护罩"));
        JsonNode step = api.get(customer, "/api/tickets/" + ticket.getId()).body().path("customerStep");
        assertThat(step.path("kind").asText()).isEqualTo("PLAN_REVIEW");
        assertThat(step.path("recoveryPlan").asText()).isEqualTo("Replace the housing at 23:00 / 今晚23点更换护罩");
        assertThat(api.get("t-desk", "/api/tickets/" + ticket.getId()).body().path("customerStep").path("kind").asText())
                .as("staff see it too").isEqualTo("PLAN_REVIEW");

        ApiClient.Response noAnswer = api.post(customer, path(ticket, "plan-review"), Map.of("reason", "?"));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.errorFields()).contains("approved");
        ApiClient.Response noReason = api.post(customer, path(ticket, "plan-review"), Map.of("approved", false));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).contains("reason");
        assertThat(api.post(stranger, path(ticket, "plan-review"), Map.of("approved", true)).status())
                .as("another unit's ticket does not exist for them").isEqualTo(404);
        assertThat(openTaskKeys(ticket)).as("refused answers change nothing").containsExactly("reviewPlan");

        assertThat(api.post(customer, path(ticket, "plan-review"), Map.of("approved", false, "reason", "Not at night")).status())
                .isEqualTo(204);
        assertThat(openTaskKeys(ticket)).containsExactly("recoveryPlan");
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Replace the housing at 10:00"));
        assertThat(api.post(customer, path(ticket, "plan-review"), Map.of("approved", true)).status()).isEqualTo(204);
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        VisitRecord v = visits.forTicket(ticket.getId()).get(0);
        assertThat(v.planReview()).isEqualTo("APPROVED");

        JsonNode trail = api.get("t-sup", "/api/tickets/" + ticket.getId() + "/audit?size=500").body();
        assertThat(trail.path("content").findValuesAsText("entityType")).as("visit records are in the audit chain").contains("field_visit");
    }

    @Test
    void deskAnswersThePlanReviewForTheCustomerButAnEngineerMayNot() {
        contractOwingPlans();
        Ticket ticket = acceptedAndReported();
        complete(ticket, "recoveryPlan", "t-eng", Map.of("recoveryPlan", "Plan A"));
        assertThat(api.post("t-eng2", path(ticket, "plan-review"), Map.of("approved", true)).status()).isEqualTo(403);
        assertThat(api.post("t-desk", path(ticket, "plan-review"), Map.of("approved", true)).status()).isEqualTo(204);
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
    }

    @Test
    void customersTesterConfirmsTheWorkRemotely() {
        Ticket ticket = acceptedAndReported();
        Map<String, Object> good = Map.of("testerName", "李工", "confirmed", true, "remark", "All channels work");
        assertThat(api.post(customer, path(ticket, "completion-confirmation"), good).status())
                .as("nothing to confirm before the work is done").isEqualTo(409);

        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Loose cable", "fixOutcome", "FIXED",
                "solution", "Re-crimped the cable / 重新压接网线"));
        probeWorker.runOnce();
        JsonNode step = api.get(customer, "/api/tickets/" + ticket.getId()).body().path("customerStep");
        assertThat(step.path("kind").asText()).isEqualTo("COMPLETION_CONFIRMATION");
        assertThat(step.path("workDone").asText()).isEqualTo("Re-crimped the cable / 重新压接网线");

        ApiClient.Response noName = api.post(customer, path(ticket, "completion-confirmation"), Map.of("confirmed", true));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.errorFields()).contains("testerName");
        ApiClient.Response noAnswer = api.post(customer, path(ticket, "completion-confirmation"), Map.of("testerName", "李工"));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.errorFields()).contains("confirmed");
        ApiClient.Response badSignature = api.post(customer, path(ticket, "completion-confirmation"),
                Map.of("testerName", "李工", "confirmed", true, "signatureAttachmentId", 0));
        assertThat(badSignature.status()).isEqualTo(400);
        assertThat(badSignature.errorFields()).contains("signatureAttachmentId");
        assertThat(api.post(stranger, path(ticket, "completion-confirmation"), good).status()).isEqualTo(404);
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        assertThat(visits.forTicket(ticket.getId()).get(0).testerName()).as("refused answers record nothing").isNull();

        assertThat(api.post(customer, path(ticket, "completion-confirmation"), good).status()).isEqualTo(204);
        assertThat(openTaskKeys(ticket)).containsExactly("auditServiceForm");
        VisitRecord v = visits.forTicket(ticket.getId()).get(0);
        assertThat(v.testerName()).isEqualTo("李工");
        assertThat(v.confirmedRemotely()).isTrue();
        assertThat(api.get(customer, "/api/tickets/" + ticket.getId()).body().path("customerStep").isObject()).as("no customerStep").isFalse();
        assertThat(api.post(customer, path(ticket, "completion-confirmation"), good).status())
                .as("confirmed once").isEqualTo(409);
    }

    @Test
    void planLevelsMustBeLevelsOfTheContractsPolicy() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Field O&M", "policyCode", "THREE_LEVEL", "calendar", "SEVEN_BY_24",
                "zone", "Asia/Shanghai", "notifyEmail", false));
        body.put("planLevels", List.of("A"));
        ApiClient.Response r = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + site.getCustomer().getId(), body, null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("planLevels");
        assertThat(api.get("t-admin", "/api/contracts/" + site.getCustomer().getId()).status()).as("nothing saved").isEqualTo(404);
    }

    /** A phone app or script that sends nothing but the completion (the form's default for "emergency" is not applied over the API). */
    @Test
    void checkingInOverTheApiWithoutTheEmergencyFlagMeansNoEmergency() {
        Ticket ticket = report(Category.DEFECT);
        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticket, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
        complete(ticket, "acceptAssignment", "t-eng", Map.of("accepted", true));
        String taskId = null;
        for (var t : api.get("t-admin", "/api/tickets/" + ticket.getId()).body().path("openTasks")) {
            if (t.path("key").asText().equals("checkIn")) {
                taskId = t.path("id").asText();
            }
        }
        assertThat(taskId).as("checkIn is open").isNotNull();
        ApiClient.Response r = api.post("t-eng", "/api/tasks/" + taskId + "/complete", Map.of());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(204);
        assertThat(openTaskKeys(ticket)).contains("diagnosisReport").doesNotContain("restoreService");
    }
}
