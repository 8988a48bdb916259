package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;

@RestController
class NotificationController {

    private final NotificationService notifications;
    private final FindTicket tickets;

    NotificationController(NotificationService notifications, FindTicket tickets) {
        this.notifications = notifications;
        this.tickets = tickets;
    }

    record NotificationView(Long id, Instant createdAt, Long ticketId, String ticketNumber, String message, boolean read) {
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine() {
        return notifications.forUser(CurrentUser.username(), CurrentUser.roles()).stream()
                .map(n -> new NotificationView(n.getId(), n.getCreatedAt(), n.getTicketId(),
                        n.getTicketId() == null ? null : tickets.get(n.getTicketId()).getNumber(), n.getMessage(), n.getReadAt() != null))
                .toList();
    }
}
