package com.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Drives one case through the REST API the frontend uses (contract, report, tasks, clocks), so SLA tests
 * depend on the API's shape and not on how the services behind it are cut.
 */
public final class CaseOverTheApi {

    private final ApiClient api;

    public CaseOverTheApi(ApiClient api) {
        this.api = api;
    }

    /** PUT /api/contracts/{customerId}: the customer's tickets run on this policy and calendar from now on. */
    public void contract(long customerId, String policyCode, String calendar) {
        ApiClient.Response r = api.exchange("t-admin", HttpMethod.PUT, "/api/contracts/" + customerId,
                Map.of("name", "O&M " + policyCode, "policyCode", policyCode, "calendar", calendar, "zone", "Asia/Shanghai",
                        "deskLead", "t-desk", "projectManager", "t-sup", "departmentHead", "t-admin", "notifyEmail", false),
                null);
        assertThat(r.status()).as("contract: %s", r.body()).isEqualTo(200);
    }

    /** POST /api/tickets as the desk; the created ticket's JSON (id, level, ...). */
    public JsonNode report(Map<String, Object> body) {
        ApiClient.Response r = api.post("t-desk", "/api/tickets", body);
        assertThat(r.status()).as("report: %s", r.body()).isEqualTo(201);
        return r.body();
    }

    /** PUT /api/tickets/{id}/level: the desk corrects the level (used where the decision table never gives it). */
    public void changeLevel(long ticketId, String level) {
        ApiClient.Response r = api.exchange("t-desk", HttpMethod.PUT, "/api/tickets/" + ticketId + "/level",
                Map.of("level", level, "reason", "set by the test to reach level " + level), null);
        assertThat(r.status()).as("change level: %s", r.body()).isEqualTo(200);
    }

    /** POST /api/tasks/{id}/complete for the one open task with this key on the case. */
    public void complete(long ticketId, String key, String user, Map<String, Object> values) {
        ApiClient.Response r = api.post(user, "/api/tasks/" + taskId(ticketId, key) + "/complete", values);
        assertThat(r.status()).as("complete %s: %s", key, r.body()).isEqualTo(204);
    }

    public List<String> openTaskKeys(long ticketId) {
        List<String> keys = new ArrayList<>();
        api.get("t-admin", "/api/tickets/" + ticketId).body().path("openTasks").forEach(t -> keys.add(t.path("key").asText()));
        return keys;
    }

    private String taskId(long ticketId, String key) {
        for (JsonNode t : api.get("t-admin", "/api/tickets/" + ticketId).body().path("openTasks")) {
            if (t.path("key").asText().equals(key)) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no open task " + key + " on ticket " + ticketId + "; open: " + openTaskKeys(ticketId));
    }

    /** The desk hands the case to dispatch and assigns t-eng: the DISPATCHED milestone. */
    public void dispatch(long ticketId) {
        complete(ticketId, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        complete(ticketId, "assignEngineer", "t-desk", Map.of("engineer", "t-eng"));
    }

    public void accept(long ticketId) {
        complete(ticketId, "acceptAssignment", "t-eng", Map.of("accepted", true));
    }

    public void decline(long ticketId) {
        complete(ticketId, "acceptAssignment", "t-eng", Map.of("accepted", false, "declineReason", "car broke down"));
    }

    /**
     * The engineer checks in and writes the diagnosis report (the field steps before the work, if still open), then
     * reports it fixed; the case then waits for the device probe.
     */
    public void fix(long ticketId) {
        List<String> open = openTaskKeys(ticketId);
        if (open.contains("checkIn")) {
            complete(ticketId, "checkIn", "t-eng", Map.of("emergency", false));
        }
        if (open.contains("checkIn") || open.contains("diagnosisReport")) {
            complete(ticketId, "diagnosisReport", "t-eng", Map.of("symptom", "Black picture", "diagnosis", "No power"));
        }
        complete(ticketId, "diagnoseAndFix", "t-eng", Map.of("cause", "Loose power cable", "fixOutcome", "FIXED",
                "solution", "Re-seated the cable"));
    }

    /** After a passed probe: the tester confirms on the engineer's phone, the desk accepts the service form. */
    public void confirmAndAudit(long ticketId) {
        complete(ticketId, "confirmCompletion", "t-eng", Map.of("testerName", "Wang Wu", "confirmed", true));
        complete(ticketId, "auditServiceForm", "t-desk", Map.of("auditAccepted", true));
    }

    public void arriveOnSite(long ticketId) {
        ApiClient.Response r = api.post("t-eng", "/api/tickets/" + ticketId + "/on-site", null);
        assertThat(r.status()).as("on site: %s", r.body()).isEqualTo(204);
    }

    public void reportAbnormalEvent(long ticketId) {
        ApiClient.Response r = api.post("t-eng", "/api/tickets/" + ticketId + "/abnormal-events",
                Map.of("description", "Cabinet flooded, power cut to the whole pole"));
        assertThat(r.status()).as("abnormal event: %s", r.body()).isEqualTo(204);
    }

    public void submit(long ticketId, String kind) {
        ApiClient.Response r = api.post("t-desk", "/api/tickets/" + ticketId + "/deliverables",
                Map.of("kind", kind, "text", kind + " as agreed with the customer"));
        assertThat(r.status()).as("submit %s: %s", kind, r.body()).isEqualTo(204);
    }

    public String number(long ticketId) {
        return api.get("t-admin", "/api/tickets/" + ticketId).body().path("number").asText();
    }

    public String status(long ticketId) {
        return api.get("t-admin", "/api/tickets/" + ticketId).body().path("status").asText();
    }

    /** GET /api/tickets/{id}/clocks. */
    public JsonNode clocks(long ticketId) {
        ApiClient.Response r = api.get("t-sup", "/api/tickets/" + ticketId + "/clocks");
        assertThat(r.status()).as("clocks: %s", r.body()).isEqualTo(200);
        return r.body();
    }

    /** One clock of GET /api/tickets/{id}/clocks; fails naming the clocks the ticket has if it is not there. */
    public JsonNode clock(long ticketId, String name) {
        JsonNode all = clocks(ticketId).path("clocks");
        for (JsonNode c : all) {
            if (c.path("clock").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("ticket " + ticketId + " runs no clock " + name + "; it runs " + all.findValuesAsText("clock"));
    }
}
