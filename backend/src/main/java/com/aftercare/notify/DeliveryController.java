package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent about a ticket over outside channels, and how it went. Any signed-in user may look.
 * An unknown ticket has no deliveries (an empty list): notify does not look tickets up here.
 */
@RestController
class DeliveryController {

    private final NotificationService notifications;

    DeliveryController(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** Deliberately without the webhook URL, its key or the signing secret. */
    record DeliveryView(Long id, DeliveryChannel channel, String target, DeliveryStatus status, int attempts, String lastError,
            Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
    }

    @GetMapping("/api/tickets/{ticketId}/deliveries")
    List<DeliveryView> ofTicket(@PathVariable Long ticketId) {
        return notifications.deliveriesOf(ticketId).stream()
                .map(d -> new DeliveryView(d.getId(), d.getChannel(), d.getTarget(), d.getStatus(), d.getAttempts(), d.getLastError(),
                        d.getCreatedAt(), d.getSentAt(), d.getNextAttemptAt()))
                .toList();
    }
}
