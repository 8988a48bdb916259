package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
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

    /** Case events read in the reader's language (Accept-Language: zh-CN by default, or en). */
    @GetMapping("/api/notifications")
    List<NotificationView> mine(@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage) {
        java.util.Locale language = Labels.language(acceptLanguage);
        return notifications.forUser(CurrentUser.username(), CurrentUser.roles()).stream()
                .map(n -> new NotificationView(n.getId(), n.getCreatedAt(), n.getTicketId(),
                        n.getTicketId() == null ? null : tickets.get(n.getTicketId()).getNumber(),
                        notifications.messageFor(n, language), n.getReadAt() != null))
                .toList();
    }
}
