package com.aftercare.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.support.IntegrationTest;

/**
 * An operator asked about INC-2026-000123 greps the server log for it (README "Logs"): the lines written while the
 * case is reported, while an API route of the case is handled and while a job of its processes runs carry its number;
 * a line about another case does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseNumberInLogsTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;

    @Test
    void linesWrittenWhileHandlingACaseCarryItsNumber(CapturedOutput output) {
        ApiClient api = new ApiClient(rest);
        ApiClient.Response created = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        String number = tickets.get(id).getNumber();
        ApiClient.Response other = api.post("t-desk", "/api/tickets", ticketBody("HOTLINE", "LOW", "LOW"));
        String otherNumber = tickets.get(other.body().path("id").asLong()).getNumber();

        // reported over the API: each case's number is on its own report line, and only there
        assertThat(lines(output, "Reported via HOTLINE")).filteredOn(l -> l.contains(number)).singleElement()
                .satisfies(l -> assertThat(l).contains("[" + number + "] ").doesNotContain(otherNumber));
        assertThat(lines(output, "Reported via HOTLINE")).filteredOn(l -> l.contains(otherNumber)).singleElement()
                .satisfies(l -> assertThat(l).contains("[" + otherNumber + "] "));

        // an API route of the case (/api/tickets/{id}/level)
        String level = tickets.get(id).getLevel();
        ApiClient.Response changed = api.exchange("t-desk", HttpMethod.PUT, "/api/tickets/" + id + "/level",
                Map.of("level", "1".equals(level) ? "2" : "1", "reason", "caller says the whole floor is dark"), null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(lines(output, "Level changed from")).singleElement()
                .satisfies(l -> assertThat(l).contains("[" + number + "] ").doesNotContain(otherNumber));

        // a job of the case's escalation process, run by the engine (the executor picks it up after its due time)
        Job rung = firstEscalationTimer(number);
        clock.set(rung.getDuedate().toInstant().plus(Duration.ofMinutes(2)));
        managementService.executeJob(rung.getId());
        assertThat(lines(output, "Escalated clock")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("[" + number + "] ").doesNotContain(otherNumber));

        // a line about no case in particular has no brackets (nothing left over from the requests and jobs above)
        assertThat(api.get("t-desk", "/api/tickets/" + Long.MAX_VALUE + "/level").status()).isIn(404, 405);
    }

    private static List<String> lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter(l -> l.contains(text)).toList();
    }

    private Job firstEscalationTimer(String number) {
        List<Job> timers = runtimeService.createProcessInstanceQuery().processDefinitionKey("escalation")
                .processInstanceBusinessKey(number).list().stream()
                .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).timers().list().stream())
                .sorted(Comparator.comparing(Job::getDuedate)).toList();
        assertThat(timers).as("escalation timers of " + number).isNotEmpty();
        return timers.get(0);
    }
}
