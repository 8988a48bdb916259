package com.aftercare.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;

/** Failed attempts are retried with a doubling backoff, up to max-attempts; one node wins each attempt. */
class DeliveryRetryTest extends DeliveryTestBase {

    private static final String KEYWORDS_MISSING = "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}";

    private OutgoingMessage toWeCom(Ticket ticket, WebhookReceiver robot) {
        return new OutgoingMessage(ticket.getId(), "升级", "响应超时", List.of(new Recipient("t-sup", "主管", null, "13800000001")),
                new ChannelSettings(false, robot.url("/cgi-bin/webhook/send?key=retry-test-key-0001"), null, null));
    }

    @Test
    void aServerErrorIsRetriedAfterTheBackoffAndThenSent() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        try (WebhookReceiver robot = new WebhookReceiver().thenAnswer(500, "<html>upstream error</html>")) {
            sendCommitted(toWeCom(ticket, robot));

            assertThat(worker.deliverDue()).isEqualTo(1);

            Delivery first = only(ticket, DeliveryChannel.WECOM);
            assertThat(first.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(first.getAttempts()).isEqualTo(1);
            assertThat(first.getLastError()).as("the robot's answer is not shown").isEqualTo("HTTP 500");
            assertThat(first.getNextAttemptAt()).isEqualTo(now().plus(properties.retryBackoff()));
            assertThat(first.getSentAt()).isNull();

            clock.advance(properties.retryBackoff().minusSeconds(1));
            assertThat(worker.deliverDue()).as("not due yet").isZero();
            assertThat(robot.received()).hasSize(1);

            clock.advance(Duration.ofSeconds(1));
            assertThat(worker.deliverDue()).isEqualTo(1);

            Delivery second = reload(first);
            assertThat(second.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(second.getAttempts()).isEqualTo(2);
            assertThat(second.getSentAt()).isEqualTo(now());
            assertThat(second.getNextAttemptAt()).isNull();
            assertThat(robot.received()).hasSize(2);
            assertThat(robot.received().get(1).body()).isEqualTo(robot.received().get(0).body());
        }
    }

    @Test
    void aNonZeroErrcodeIsAFailedAttempt() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        try (WebhookReceiver robot = new WebhookReceiver().thenAnswer(200, KEYWORDS_MISSING)) {
            sendCommitted(toWeCom(ticket, robot));

            assertThat(worker.deliverDue()).isEqualTo(1);

            Delivery row = only(ticket, DeliveryChannel.WECOM);
            assertThat(row.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(row.getLastError()).as("the code, not the remote side's text").isEqualTo("errcode 310000");
        }
    }

    @Test
    void afterMaxAttemptsTheDeliveryIsFailedAndNeverTriedAgain() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        int max = properties.maxAttempts();
        try (WebhookReceiver robot = new WebhookReceiver().alwaysAnswer(200, KEYWORDS_MISSING)) {
            sendCommitted(toWeCom(ticket, robot));
            Duration wait = properties.retryBackoff();
            for (int attempt = 1; attempt <= max; attempt++) {
                assertThat(worker.deliverDue()).as("attempt " + attempt).isEqualTo(1);
                Delivery row = only(ticket, DeliveryChannel.WECOM);
                assertThat(row.getAttempts()).isEqualTo(attempt);
                if (attempt < max) {
                    assertThat(row.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
                    assertThat(row.getNextAttemptAt()).as("backoff doubles").isEqualTo(now().plus(wait));
                    clock.advance(wait);
                    wait = wait.multipliedBy(2);
                }
            }

            Delivery failed = only(ticket, DeliveryChannel.WECOM);
            assertThat(failed.getStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.getAttempts()).isEqualTo(max);
            assertThat(failed.getNextAttemptAt()).isNull();
            assertThat(failed.getLastError()).contains("310000");
            assertThat(robot.received()).hasSize(max);

            clock.advance(Duration.ofDays(30));
            assertThat(worker.deliverDue()).isZero();
            assertThat(robot.received()).hasSize(max);
            assertThat(reload(failed).getStatus()).isEqualTo(DeliveryStatus.FAILED);
        }
    }

    @Test
    void onlyTheWorkerThatSawTheCurrentVersionCanClaimAnAttempt() {
        Ticket ticket = report(Category.DEFECT);
        sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(),
                new ChannelSettings(false, "http://127.0.0.1:9/hook?key=claim-test", null, null)));
        Delivery seen = only(ticket, DeliveryChannel.WECOM);
        Instant now = now();
        Instant muchLater = now.plus(Duration.ofHours(1)); // the first claim's lease has long run out

        Integer first = transaction.execute(s -> deliveries.claim(seen.getId(), seen.getVersion(), now, now.plusSeconds(300)));
        Integer again = transaction.execute(s -> deliveries.claim(seen.getId(), seen.getVersion(), now, now.plusSeconds(300)));
        Integer stale = transaction.execute(s -> deliveries.claim(seen.getId(), seen.getVersion(), muchLater, muchLater.plusSeconds(300)));

        assertThat(first).isEqualTo(1);
        assertThat(again).as("held by the lease").isZero();
        assertThat(stale).as("a worker that read the row before the first claim never gets it, however late").isZero();
        Delivery claimed = reload(seen);
        assertThat(claimed.getStatus()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(claimed.getAttempts()).isEqualTo(1);
        assertThat(claimed.getVersion()).isEqualTo(seen.getVersion() + 1);
        assertThat(claimed.getNextAttemptAt()).isEqualTo(now.plusSeconds(300));
        assertThat(worker.deliverDue()).as("held by the lease").isZero();

        Integer takeOver = transaction.execute(s -> deliveries.claim(seen.getId(), claimed.getVersion(), muchLater, muchLater.plusSeconds(300)));
        assertThat(takeOver).as("after the lease, the current version can be claimed").isEqualTo(1);
    }

    @Test
    void twoWorkersPollingAtOnceSendEachMessageOnce() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        int messages = 10;
        try (WebhookReceiver robot = new WebhookReceiver()) {
            for (int i = 0; i < messages; i++) {
                sendCommitted(toWeCom(ticket, robot));
            }
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = nodes.submit(() -> {
                    start.await();
                    return worker.deliverDue();
                });
                Future<Integer> b = nodes.submit(() -> {
                    start.await();
                    return worker.deliverDue();
                });
                start.countDown();
                int attempted = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);

                assertThat(attempted).isEqualTo(messages);
                assertThat(robot.received()).hasSize(messages);
                assertThat(deliveriesOf(ticket)).hasSize(messages)
                        .allMatch(d -> d.getStatus() == DeliveryStatus.SENT && d.getAttempts() == 1);
            } finally {
                nodes.shutdownNow();
            }
        }
    }

    @Test
    void anAttemptWhoseWorkerDiedIsTakenUpAgainWhenItsLeaseRunsOut() throws Exception {
        Ticket ticket = report(Category.DEFECT);
        try (WebhookReceiver robot = new WebhookReceiver()) {
            sendCommitted(toWeCom(ticket, robot));
            Delivery seen = only(ticket, DeliveryChannel.WECOM);
            Instant now = now();
            // a node claims it and dies before sending or recording anything
            transaction.execute(s -> deliveries.claim(seen.getId(), seen.getVersion(), now, now.plus(Duration.ofMinutes(5))));

            assertThat(worker.deliverDue()).isZero();
            clock.advance(Duration.ofMinutes(5));
            assertThat(worker.deliverDue()).isEqualTo(1);

            Delivery row = reload(seen);
            assertThat(row.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(row.getAttempts()).isEqualTo(2);
            assertThat(robot.received()).hasSize(1);
        }
    }

    @Test
    void anUnusableWebhookUrlIsRecordedAsFailedWithoutUndoingTheCaller() {
        Ticket ticket = report(Category.DEFECT);
        String broken = "ftp://robots.example.com/send?key=do-not-show-this-key";

        sendCommitted(new OutgoingMessage(ticket.getId(), "s", "t", List.of(new Recipient("t-sup", "S", null, null)),
                new ChannelSettings(false, broken, null, null)));

        Delivery row = only(ticket, DeliveryChannel.WECOM);
        assertThat(row.getStatus()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(row.getLastError()).contains("http:// or https://");
        assertThat(row.getTarget()).doesNotContain("do-not-show-this-key");
        assertThat(notifications.ofTicket(ticket.getId())).anyMatch(n -> "t-sup".equals(n.getRecipientUser()));
        assertThat(worker.deliverDue()).isZero();
    }
}
