package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.ChangeLevel;
import com.aftercare.ticket.DeliverableKind;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.HoldReason;
import com.aftercare.ticket.PutOnHold;
import com.aftercare.ticket.ReportAbnormalEvent;
import com.aftercare.ticket.ReportDelay;
import com.aftercare.ticket.SubmitDeliverable;
import com.aftercare.ticket.Ticket;

/**
 * The use cases' commands are checked by Bean Validation: a bad field is a 400 that names it, before
 * anything is recorded, whether the command comes over HTTP or from another feature's code.
 */
class UseCaseCommandValidationTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired PutOnHold putOnHold;
    @Autowired ChangeLevel changeLevel;
    @Autowired SubmitDeliverable submitDeliverable;
    @Autowired ReportAbnormalEvent reportAbnormalEvent;
    @Autowired ReportDelay reportDelay;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private long recorded(Ticket ticket) {
        return readTimeline.of(ticket.getId()).size()
                + jdbc.queryForObject("select count(*) from sla_milestone where ticket_id = ?", Long.class, ticket.getId());
    }

    private static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void eachBadFieldIsA400NamingItAndNothingIsRecorded() {
        Ticket ticket = report(Category.DEFECT);
        String base = "/api/tickets/" + ticket.getId();
        long before = recorded(ticket);
        String tooLong = "x".repeat(1001);

        assertThat(api.post("t-desk", base + "/hold", body("note", "no reason given")).errorFields()).containsExactly("reason");
        assertThat(api.post("t-desk", base + "/hold", body("reason", "WAITING_PARTS", "note", tooLong)).errorFields())
                .containsExactly("note");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, base + "/level", body("reason", "misjudged"), null).errorFields())
                .containsExactly("level");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, base + "/level", body("level", "1", "reason", "  "), null)
                .errorFields()).containsExactly("reason");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, base + "/level", body("level", "1", "reason", "x".repeat(501)), null)
                .errorFields()).containsExactly("reason");
        assertThat(api.post("t-desk", base + "/deliverables", body("text", "a plan")).errorFields()).containsExactly("kind");
        assertThat(api.post("t-desk", base + "/deliverables", body("kind", "FAULT_REPORT", "text", "")).errorFields())
                .containsExactly("text");
        assertThat(api.post("t-admin", base + "/abnormal-events", body("technical", true)).errorFields())
                .containsExactly("description");
        assertThat(api.post("t-admin", base + "/delay", body("reason", tooLong)).errorFields()).containsExactly("reason");

        ApiClient.Response problem = api.post("t-desk", base + "/hold", body("reason", "LUNCH"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.body().path("detail").asText()).contains("reason").contains("WAITING_CUSTOMER");
        assertThat(tickets.get(ticket.getId()).getHoldReason()).isNull();
        assertThat(recorded(ticket)).isEqualTo(before);
    }

    @Test
    void commandsFromCodeAreValidatedToo() {
        Ticket ticket = report(Category.DEFECT);
        long before = recorded(ticket);

        assertThat(violations(() -> putOnHold.hold(new PutOnHold.Command(ticket.getId(), null, "x".repeat(1001)))))
                .containsExactlyInAnyOrder("reason", "note");
        assertThat(violations(() -> changeLevel.change(new ChangeLevel.Command(ticket.getId(), "", null))))
                .containsExactlyInAnyOrder("level", "reason");
        assertThat(violations(() -> submitDeliverable.submit(new SubmitDeliverable.Command(ticket.getId(), null, " "))))
                .containsExactlyInAnyOrder("kind", "text");
        assertThat(violations(() -> submitDeliverable.submit(new SubmitDeliverable.Command(ticket.getId(),
                DeliverableKind.FAULT_REPORT, "x".repeat(20_001))))).containsExactly("text");
        assertThat(violations(() -> reportAbnormalEvent.report(new ReportAbnormalEvent.Command(ticket.getId(), null, false))))
                .containsExactly("description");
        assertThat(violations(() -> reportDelay.report(new ReportDelay.Command(ticket.getId(), "")))).containsExactly("reason");
        assertThat(violations(() -> putOnHold.hold(new PutOnHold.Command(null, HoldReason.WAITING_PARTS, null))))
                .containsExactly("ticketId");
        NewTicket future = newTicket(Category.DEFECT, Grade.LOW, Grade.LOW);
        NewTicket ahead = new NewTicket(future.channel(), future.requesterName(), future.requesterUnit(), future.requesterPhone(),
                future.siteId(), future.deviceId(), future.category(), future.impact(), future.urgency(), future.title(),
                future.description(), clock.instant().plus(Duration.ofHours(1)));
        long ticketsBefore = jdbc.queryForObject("select count(*) from ticket", Long.class);
        assertThat(violations(() -> reportFault.report(ahead, null))).containsExactly("receivedAt");
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class)).isEqualTo(ticketsBefore);

        assertThat(recorded(ticket)).isEqualTo(before);
    }

    @Test
    void holdReasonsAndDeliverableKindsKeepTheirJsonValues() {
        assertThat(HoldReason.fromCode("WAITING_CUSTOMER")).isEqualTo(HoldReason.WAITING_CUSTOMER);
        assertThat(HoldReason.fromCode("WAITING_PARTS")).isEqualTo(HoldReason.WAITING_PARTS);
        assertThat(HoldReason.fromCode("waiting_parts")).isNull();
        assertThat(DeliverableKind.fromCode("SOLUTION_PLAN")).isEqualTo(DeliverableKind.SOLUTION_PLAN);
        assertThat(DeliverableKind.fromCode("CONTINGENCY_PLAN")).isEqualTo(DeliverableKind.CONTINGENCY_PLAN);
        assertThat(DeliverableKind.fromCode("FAULT_REPORT")).isEqualTo(DeliverableKind.FAULT_REPORT);
        assertThat(DeliverableKind.fromCode("POEM")).isNull();
    }

    /** The fields a use case refused, by the last part of each violation's path (what the 400 names). */
    private static java.util.List<String> violations(Runnable call) {
        ConstraintViolationException e = catchThrowableOfType(ConstraintViolationException.class, call::run);
        assertThat(e).as("the command is refused by validation").isNotNull();
        return e.getConstraintViolations().stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .map(path -> path.substring(path.lastIndexOf('.') + 1)).toList();
    }
}
