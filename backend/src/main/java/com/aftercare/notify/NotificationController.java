package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;

@RestController
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    record NotificationView(Long id, Instant createdAt, Long ticketId, String message, boolean read) {
    }

    @GetMapping("/api/notifications")
    List<NotificationView> mine() {
        return notifications.forUser(CurrentUser.username(), CurrentUser.roles()).stream()
                .map(n -> new NotificationView(n.getId(), n.getCreatedAt(), n.getTicketId(), n.getMessage(), n.getReadAt() != null))
                .toList();
    }
}
