package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.support.CountingListener;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/**
 * Webhooks cannot be used to read internal services: a target that is not allowed is never
 * connected to, and when an allowed target answers with an error, the delivery shows the status
 * only, never the body.
 */
class RemoteAnswerNotShownTest extends DeliveryTestBase {

    @Autowired TestRestTemplate rest;

    private String deliveriesJson(Ticket ticket) {
        return rest.withBasicAuth("t-desk", PASSWORD).getForEntity("/api/tickets/" + ticket.getId() + "/deliveries", String.class).getBody();
    }

    @Test
    void aWebhookAimedAtAnInternalServiceIsRefusedOnConnectAndNeverReachesIt() throws Exception {
        try (CountingListener internal = new CountingListener()) {
            Ticket ticket = report(Category.DEFECT);
            sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(),
                    new ChannelSettings(false, "http://127.0.0.1:" + internal.port() + "/hook?key=k", null, null)));

            assertThat(worker.deliverDue()).isEqualTo(1);

            Delivery row = only(ticket, DeliveryChannel.WECOM);
            assertThat(row.getLastError()).isEqualTo("address not allowed");
            assertThat(internal.accepted()).isZero();
            assertThat(deliveriesJson(ticket)).contains("address not allowed").doesNotContain(CountingListener.MARKER);
        }
    }

    @Test
    void anErrorAnswersBodyNeverReachesTheDeliveryRecord() throws Exception {
        String body = "<html>stack trace of the internal service: password=hunter2</html>";
        try (WebhookReceiver robot = new WebhookReceiver().thenAnswer(500, body)
                .thenAnswer(200, "{\"errcode\":93000,\"errmsg\":\"internal detail hunter2\"}")) {
            Ticket ticket = report(Category.DEFECT);
            sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(),
                    new ChannelSettings(false, robot.url("/cgi-bin/webhook/send?key=answer-test-key"), null, null)));

            assertThat(worker.deliverDue()).isEqualTo(1);
            assertThat(only(ticket, DeliveryChannel.WECOM).getLastError()).isEqualTo("HTTP 500");
            assertThat(deliveriesJson(ticket)).contains("HTTP 500").doesNotContain("hunter2").doesNotContain("stack trace");

            clock.advance(properties.retryBackoff());
            assertThat(worker.deliverDue()).isEqualTo(1);
            assertThat(only(ticket, DeliveryChannel.WECOM).getLastError()).isEqualTo("errcode 93000");
            assertThat(deliveriesJson(ticket)).doesNotContain("hunter2").doesNotContain("internal detail");
        }
    }
}
