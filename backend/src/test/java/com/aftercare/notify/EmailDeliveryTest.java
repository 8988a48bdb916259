package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.support.TestSmtp;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** E-mail goes out through a real SMTP server (GreenMail) after the commit, never before. */
class EmailDeliveryTest extends DeliveryTestBase {

    @Autowired WebhookSender webhooks;

    @Test
    void aMailWithChineseTextReachesTheSmtpServerAndEveryUserGetsAnInAppNotification() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        String subject = "工单升级：" + ticket.getNumber() + " 响应超时";
        String text = "监控摄像头无画面，已超过响应时限。\n请尽快处理 — Ümlaut ✓";
        sendCommitted(new OutgoingMessage(ticket.getId(), subject, text, List.of(
                new Recipient("t-sup", "值班主管", "supervisor@example.com", "13800000001"),
                new Recipient("t-eng", "Test Engineer", null, null)),
                new ChannelSettings(true, null, null, null)));

        Delivery pending = only(ticket, DeliveryChannel.EMAIL);
        assertThat(pending.getStatus()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(pending.getAttempts()).isZero();
        assertThat(pending.getTarget()).isEqualTo("supervisor@example.com");
        assertThat(TestSmtp.server().getReceivedMessages()).as("nothing is sent by the committing thread").isEmpty();

        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(TestSmtp.server().waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] mails = TestSmtp.server().getReceivedMessages();
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo(subject);
        assertThat(mail.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n").strip()).isEqualTo(text);
        assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("supervisor@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(properties.mailFrom());

        assertThat(notifications.ofTicket(ticket.getId()).stream().filter(n -> n.getRecipientUser() != null))
                .extracting(Notification::getRecipientUser, Notification::getMessage)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("t-sup", text), org.assertj.core.groups.Tuple.tuple("t-eng", text));
        assertThat(notifications.forUser("t-eng", roles("t-eng"))).anyMatch(n -> ticket.getId().equals(n.getTicketId()));

        Delivery sent = reload(pending);
        assertThat(sent.getStatus()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getSentAt()).isEqualTo(now());
        assertThat(sent.getNextAttemptAt()).isNull();
        assertThat(sent.getLastError()).isNull();

        clock.advance(Duration.ofHours(1));
        assertThat(worker.deliverDue()).as("a sent mail is not sent again").isZero();
        assertThat(TestSmtp.server().getReceivedMessages()).hasSize(1);
    }

    @Test
    void emailOffOrNoAddressMeansNoMailDelivery() {
        Ticket ticket = report(Category.DEFECT);
        sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(new Recipient("t-sup", "S", "sup@example.com", null)),
                ChannelSettings.inAppOnly()));
        sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(new Recipient("t-sup", "S", null, null)),
                new ChannelSettings(true, null, null, null)));

        assertThat(deliveriesOf(ticket)).isEmpty();
        assertThat(notifications.ofTicket(ticket.getId()).stream().filter(n -> "t-sup".equals(n.getRecipientUser()))).hasSize(2);
    }

    @Test
    void withoutAnSmtpServerAMailIsSkippedNotRetriedForEver() {
        Ticket ticket = report(Category.DEFECT);
        sendCommitted(new OutgoingMessage(ticket.getId(), "升级", "无画面", List.of(new Recipient(null, "外部", "ext@example.com", null)),
                new ChannelSettings(true, null, null, null)));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        DeliveryWorker withoutSmtp = new DeliveryWorker(deliveries, transaction,
                new EmailSender(null, "aftercare@localhost", Duration.ofSeconds(1), clock), webhooks, properties, clock, List.of(), meters);

        assertThat(withoutSmtp.deliverDue()).isEqualTo(1);
        // README "Metrics": the attempt is counted by channel and outcome, and nothing else is
        assertThat(meters.counter(DeliveryWorker.DELIVERIES, "channel", "EMAIL", "outcome", "skipped").count()).isEqualTo(1);
        assertThat(meters.find(DeliveryWorker.DELIVERIES).counters()).hasSize(1);

        Delivery skipped = only(ticket, DeliveryChannel.EMAIL);
        assertThat(skipped.getStatus()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(skipped.getLastError()).isEqualTo("no SMTP server configured");
        assertThat(skipped.getNextAttemptAt()).isNull();
        assertThat(TestSmtp.server().getReceivedMessages()).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(worker.deliverDue()).isZero();
    }
}
