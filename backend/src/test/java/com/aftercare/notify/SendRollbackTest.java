package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.support.TestSmtp;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** send() joins the caller's transaction: if the caller rolls back, nothing was notified and nothing goes out. */
class SendRollbackTest extends DeliveryTestBase {

    @Test
    void aRolledBackCallerLeavesNoNotificationNoDeliveryAndSendsNothing() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        try (WebhookReceiver robots = new WebhookReceiver()) {
            OutgoingMessage message = new OutgoingMessage(ticket.getId(), "升级", "响应超时", List.of(
                    new Recipient("t-sup", "主管", "sup@example.com", "13800000001"),
                    new Recipient("t-eng", "工程师", "eng@example.com", null)),
                    new ChannelSettings(true, robots.url("/cgi-bin/webhook/send?key=rollback-key"),
                            robots.url("/robot/send?access_token=rollback-token"), "SECrollback"));

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                notifications.send(message);
                assertThat(notifications.deliveriesOf(ticket.getId())).as("written in the caller's transaction").hasSize(4);
                throw new IllegalStateException("the escalation failed after notifying");
            })).hasMessage("the escalation failed after notifying");

            assertThat(notifications.ofTicket(ticket.getId())).noneMatch(n -> n.getRecipientUser() != null);
            assertThat(notifications.deliveriesOf(ticket.getId())).isEmpty();
            clock.advance(Duration.ofMinutes(10));
            assertThat(worker.deliverDue()).isZero();
            assertThat(robots.received()).isEmpty();
            assertThat(TestSmtp.server().getReceivedMessages()).isEmpty();
        }
    }
}
