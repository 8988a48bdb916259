package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.aftercare.probe.ProbeService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Ticket;

/**
 * What an operator's Prometheus reads at /actuator/prometheus (README "Metrics", ADR 0055): the business figures move
 * with the cases behind them, with the tags the dashboard filters on, and nobody but an administrator reads them.
 */
class MetricsApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProbeService probes;

    @Test
    void onlyAnAdministratorReadsTheMetrics() {
        assertThat(get(null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("t-desk").getStatusCode().value()).isEqualTo(403);
        assertThat(get("t-sup").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> admin = get("t-admin");
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getHeaders().getContentType().toString()).startsWith("text/plain");
    }

    @Test
    void aReportedAndEscalatedCaseMovesTheBusinessMetrics() {
        String before = scrape();
        ApiClient.Response created = new ApiClient(rest).post("t-desk", "/api/tickets", ticketBody("HOTLINE", "HIGH", "HIGH"));
        assertThat(created.status()).isEqualTo(201);
        Ticket ticket = tickets.get(created.body().path("id").asLong());
        String level = ticket.getLevel();
        String reported = scrape();

        // one more case by telephone, none by the web; one more open case at its level, none at another
        assertThat(value(reported, "aftercare_cases_reported_total", Map.of("channel", "HOTLINE", "type", "FAULT")))
                .isEqualTo(value(before, "aftercare_cases_reported_total", Map.of("channel", "HOTLINE", "type", "FAULT")) + 1);
        assertThat(value(reported, "aftercare_cases_reported_total", Map.of("channel", "WEB")))
                .isEqualTo(value(before, "aftercare_cases_reported_total", Map.of("channel", "WEB")));
        assertThat(value(reported, "aftercare_cases_open", Map.of("level", level)))
                .isEqualTo(value(before, "aftercare_cases_open", Map.of("level", level)) + 1);
        String otherLevel = "1".equals(level) ? "2" : "1";
        assertThat(value(reported, "aftercare_cases_open", Map.of("level", otherLevel)))
                .isEqualTo(value(before, "aftercare_cases_open", Map.of("level", otherLevel)));
        // Boot's own HTTP latencies, per route template, as a histogram
        assertThat(value(reported, "http_server_requests_seconds_count", Map.of("method", "POST", "uri", "/api/tickets", "status", "201")))
                .isGreaterThan(value(before, "http_server_requests_seconds_count", Map.of("method", "POST", "uri", "/api/tickets", "status", "201")));
        assertThat(reported).contains("http_server_requests_seconds_bucket{");
        // but no timer per Spring Security filter, authentication and authorization (a tenth of a light request's
        // CPU, ADR 0087): the request is timed once, above
        assertThat(reported).doesNotContain("spring_security_");
        // the job executor's backlog is shown (the executor is off in tests, so the new case's jobs are not due yet)
        assertThat(reported).containsPattern("(?m)^aftercare_jobs_due\\{[^}]*\\} \\d").containsPattern("(?m)^aftercare_jobs_oldest_due_age_seconds\\{");

        // the executor picks up the first escalation rung three minutes after it fell due
        Job rung = firstEscalationTimer(ticket);
        clock.set(rung.getDuedate().toInstant().plus(Duration.ofMinutes(3)));
        managementService.executeJob(rung.getId());
        String escalated = scrape();
        double fired = value(escalated, "aftercare_escalations_fired_total", Map.of()) - value(reported, "aftercare_escalations_fired_total", Map.of());
        assertThat(fired).isGreaterThanOrEqualTo(1);
        assertThat(value(escalated, "aftercare_escalations_lateness_seconds_count", Map.of())
                - value(reported, "aftercare_escalations_lateness_seconds_count", Map.of())).isEqualTo(fired);
        // the timer's own rung went out three minutes after its due time (to the second: the test clock stands still);
        // another clock's rung that fell due since then went out with it, less late
        assertThat(value(escalated, "aftercare_escalations_lateness_seconds_sum", Map.of())
                - value(reported, "aftercare_escalations_lateness_seconds_sum", Map.of())).isBetween(180.0, 180 * fired);

        // a probe that could not run counts as such
        probes.recordCouldNotRun(ticket.getId(), new IllegalStateException("unreachable"));
        assertThat(value(scrape(), "aftercare_probe_results_total", Map.of("outcome", "could_not_run")))
                .isEqualTo(value(escalated, "aftercare_probe_results_total", Map.of("outcome", "could_not_run")) + 1);
    }

    @Test
    void aRefusedReportCountsNothing() {
        String before = scrape();
        ApiClient.Response refused = new ApiClient(rest).post("t-desk", "/api/tickets", ticketBody("HOTLINE", "HIGH", "NOT_A_GRADE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(value(scrape(), "aftercare_cases_reported_total", Map.of("channel", "HOTLINE")))
                .isEqualTo(value(before, "aftercare_cases_reported_total", Map.of("channel", "HOTLINE")));
    }

    private Job firstEscalationTimer(Ticket ticket) {
        String number = tickets.get(ticket.getId()).getNumber();
        List<Job> timers = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(number).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .sorted(Comparator.comparing(Job::getDuedate)).toList();
        assertThat(timers).as("escalation timers of " + number).isNotEmpty();
        return timers.get(0);
    }

    private ResponseEntity<String> get(String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, PASSWORD);
        }
        return rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String scrape() {
        ResponseEntity<String> response = get("t-admin");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** The sum of a metric's series that carry all the given labels (0 when there is none yet). */
    static double value(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            if (labels.entrySet().stream().allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
