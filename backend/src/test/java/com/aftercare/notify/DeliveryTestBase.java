package com.aftercare.notify;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.support.TestSmtp;
import com.aftercare.ticket.Ticket;

/**
 * Notification tests on the shared application context. Each test starts with no deliveries in
 * the table and an empty mailbox, so "how many did the worker attempt" counts only its own.
 */
abstract class DeliveryTestBase extends IntegrationTest {

    @Autowired NotificationService notifications;
    @Autowired DeliveryWorker worker;
    @Autowired DeliveryRepository deliveries;
    @Autowired TransactionTemplate transaction;
    @Autowired NotifyProperties properties;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void noDeliveriesLeftOver() throws Exception {
        jdbc.update("delete from notification_delivery");
        TestSmtp.server().purgeEmailFromAllMailboxes();
    }

    /** send() inside a caller's transaction that commits. */
    void sendCommitted(OutgoingMessage message) {
        transaction.executeWithoutResult(status -> notifications.send(message));
    }

    List<Delivery> deliveriesOf(Ticket ticket) {
        return notifications.deliveriesOf(ticket.getId());
    }

    Delivery only(Ticket ticket, DeliveryChannel channel) {
        List<Delivery> found = deliveriesOf(ticket).stream().filter(d -> d.getChannel() == channel).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + channel + " delivery on ticket " + ticket.getId() + " but found " + found.size());
        }
        return found.get(0);
    }

    /** The test clock's now as the database keeps it (microseconds). */
    java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    Delivery reload(Delivery d) {
        return deliveries.findById(d.getId()).orElseThrow();
    }
}
