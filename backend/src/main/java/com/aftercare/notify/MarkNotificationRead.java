package com.aftercare.notify;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.Role;

/**
 * Marks one notification read for the signed-in user only (a role's notification stays unread for the role's
 * other users). Marking it again changes nothing. A notification not addressed to the user is "not found",
 * so nobody learns of other people's notifications by trying ids.
 */
@Service
public class MarkNotificationRead {

    private final NotificationRepository notifications;
    private final Clock clock;

    MarkNotificationRead(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public void mark(long id, String username, Set<Role> roles) {
        NotificationReader reader = NotificationReader.of(username, roles);
        Notification n = notifications.findById(id)
                .filter(found -> reader.username().equals(found.getRecipientUser())
                        || (found.getRecipientRole() != null && reader.roleNames().contains(found.getRecipientRole())))
                .orElseThrow(() -> new NotFoundException("Notification " + id + " not found"));
        if (n.getReadAt() == null) {
            notifications.markRead(n.getId(), reader.username(), clock.instant());
        }
    }
}
