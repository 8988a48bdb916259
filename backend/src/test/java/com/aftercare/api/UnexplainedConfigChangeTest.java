package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.ChangeBodies;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device's configuration that differs from its last backup (RP-3 backups, RP-5 changes, RP-6 security): a change
 * that touched the device in between explains it, so does a case worked on it then; with neither, a security incident
 * (未经授权变更) is reported by the product for the supervisors, and the backup names it. The first backup of a device
 * and an unchanged file explain nothing and report nothing.
 */
class UnexplainedConfigChangeTest extends IntegrationTest {

    // a period of its own for the change windows: 2028-03
    static final Instant T0 = Instant.parse("2028-03-06T02:00:00Z");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;
    Uploads uploads;
    int version;

    @BeforeEach
    void clients() {
        api = new ApiClient(rest);
        uploads = new Uploads(rest);
        clock.set(T0);
    }

    /** A new configuration of the test's device (each call a different file), kept by the engineer at that time. */
    private JsonNode backUp(Instant at) {
        clock.set(at);
        version++;
        byte[] file = ("sysname SW-" + device.getId() + "\n# version " + version + "\nreturn\n").getBytes(StandardCharsets.UTF_8);
        ApiClient.Response r = uploads.uploadTo("t-eng", "/api/devices/" + device.getId() + "/config-backups", "running.cfg", file,
                Map.of());
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        return r.body();
    }

    private long incidents() {
        return jdbc.queryForObject("select count(*) from security_incident where customer_id = ?", Long.class,
                site.getCustomer().getId());
    }

    @Test
    void aChangeOrACaseExplainsAChangedConfigurationAndNothingElseDoes() {
        JsonNode first = backUp(T0);
        assertThat(first.has("explainedBy") || first.has("securityIncidentId")).as("nothing to compare with").isFalse();
        // a second file of the device (its startup configuration) is compared with its own kind only: the first of it
        long beforeStartup = incidents();
        clock.set(T0.plusSeconds(600));
        ApiClient.Response startup = uploads.uploadTo("t-eng", "/api/devices/" + device.getId() + "/config-backups", "startup.cfg",
                ("startup of " + device.getId()).getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(startup.status()).isEqualTo(201);
        assertThat(startup.body().has("explainedBy") || startup.body().has("securityIncidentId")).isFalse();
        assertThat(incidents()).isEqualTo(beforeStartup);
        // a consultation about the device in between explains nothing (its work changes no settings)
        clock.set(T0.plus(Duration.ofHours(5)));
        Ticket question = report(Category.DEFECT);
        jdbc.update("update ticket set request_type = 'CONSULTATION' where id = ?", question.getId());

        // nothing between the two backups: a security incident, reported by the product, told to the supervisors
        JsonNode second = backUp(T0.plus(Duration.ofDays(1)));
        assertThat(second.has("explainedBy")).isFalse();
        long incidentId = second.path("securityIncidentId").asLong();
        assertThat(second.path("securityIncidentNumber").asText()).isEqualTo(String.format("SEC-%06d", incidentId));
        JsonNode incident = api.get("t-sup", "/api/security-incidents/" + incidentId).body();
        assertThat(incident.path("kind").asText()).isEqualTo("UNAUTHORIZED_CHANGE");
        assertThat(incident.path("impact").asText()).isEqualTo("MINOR");
        assertThat(incident.path("customerId").asLong()).isEqualTo(site.getCustomer().getId());
        assertThat(incident.path("reportedBy").asText()).isEqualTo("system");
        assertThat(incident.path("title").asText()).contains(device.getName());
        assertThat(incident.path("description").asText()).contains(site.getName()).contains("Test Engineer")
                .contains("2028-03-06 10:00").contains("2028-03-07 10:00")
                .contains(first.path("sha256").asText().substring(0, 12)).contains(second.path("sha256").asText().substring(0, 12));
        assertThat(jdbc.queryForObject("select count(*) from notification where event_type = 'SecurityIncidentReported'"
                + " and recipient_role = 'SUPERVISOR' and event_params like ?", Long.class, "%" + incident.path("number").asText() + "%"))
                .isEqualTo(1);
        // on the audit trail with the request that found it (the upload's engineer), as every audited row is
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'security_incident' and entity_id = ?"
                + " and actor = 't-eng'", Long.class, String.valueOf(incidentId))).isEqualTo(1);

        // the same file again: answered with the kept one, nothing reported
        long before = incidents();
        clock.set(T0.plus(Duration.ofDays(1)).plusSeconds(60));
        byte[] same = ("sysname SW-" + device.getId() + "\n# version " + version + "\nreturn\n").getBytes(StandardCharsets.UTF_8);
        assertThat(uploads.uploadTo("t-eng", "/api/devices/" + device.getId() + "/config-backups", "running.cfg", same, Map.of())
                .status()).isEqualTo(200);
        assertThat(incidents()).isEqualTo(before);

        // a case worked on the device in between explains the next one
        clock.set(T0.plus(Duration.ofDays(2)));
        Ticket repair = report(Category.DEFECT);
        JsonNode third = backUp(T0.plus(Duration.ofDays(3)));
        assertThat(third.path("explainedBy").asText()).isEqualTo(tickets.get(repair.getId()).getNumber());
        assertThat(third.has("securityIncidentId")).isFalse();
        jdbc.update("update ticket set status = 'CLOSED', closed_at = ? where id = ?",
                java.sql.Timestamp.from(T0.plus(Duration.ofDays(3)).plusSeconds(3600)), repair.getId());

        // a change that named the device, in its window between two backups, explains the next one; so does its window
        // reaching past the backup before, until its planned end
        long change = changeInItsWindow(T0.plus(Duration.ofDays(5)));
        String changeNumber = api.get("t-sup", "/api/changes/" + change).body().path("number").asText();
        JsonNode fourth = backUp(T0.plus(Duration.ofDays(5)).plus(Duration.ofHours(1)));
        assertThat(fourth.path("explainedBy").asText()).isEqualTo(changeNumber);
        JsonNode fifth = backUp(T0.plus(Duration.ofDays(8)));
        assertThat(fifth.path("explainedBy").asText()).as("the window ran to 2 h after its start, past the last backup")
                .isEqualTo(changeNumber);
        // after its window, and with the case closed, nothing explains a change any more
        long beforeSixth = incidents();
        JsonNode sixth = backUp(T0.plus(Duration.ofDays(9)));
        assertThat(sixth.has("explainedBy")).isFalse();
        assertThat(sixth.has("securityIncidentId")).isTrue();
        assertThat(incidents()).isEqualTo(beforeSixth + 1);

        // the list says the same
        List<String> explained = new java.util.ArrayList<>();
        api.get("t-desk", "/api/devices/" + device.getId() + "/config-backups").body()
                .forEach(b -> explained.add(b.path("explainedBy").asText(b.has("securityIncidentNumber") ? "SEC" : "-")));
        assertThat(explained).as("newest first; the startup file and the first running file explain nothing")
                .containsExactly("SEC", changeNumber, changeNumber, tickets.get(repair.getId()).getNumber(), "SEC", "-", "-");
    }

    /** A change naming the test's device, asked for and approved two days ahead, its window opened by its timer. */
    private long changeInItsWindow(Instant start) {
        clock.set(start.minus(Duration.ofDays(2)));
        Map<String, Object> body = ChangeBodies.normal(site, List.of(device.getId()), "交换机配置调整", start, Duration.ofHours(2));
        ApiClient.Response asked = api.post("t-eng", "/api/changes", body);
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
        long id = asked.body().path("id").asLong();
        assertThat(api.post("t-sup", "/api/changes/" + id + "/decision", Map.of("approve", true, "note", "同意")).status()).isEqualTo(200);
        clock.set(start);
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("change-" + id)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).activityId("windowOpens")
                .timers().singleResult().getId());
        return id;
    }
}
