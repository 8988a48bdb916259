package com.aftercare.notify;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/**
 * Marks read all of the signed-in user's notifications up to the newest one their list showed
 * ({@code upToId}); without it, all there are now. A notification that arrived after the list was drawn stays
 * unread, so "mark all read" never swallows what the reader has not seen. Returns how many were marked.
 */
@Service
public class MarkAllNotificationsRead {

    private final NotificationRepository notifications;
    private final Clock clock;

    MarkAllNotificationsRead(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public int markAll(String username, Set<Role> roles, Long upToId) {
        NotificationReader reader = NotificationReader.of(username, roles);
        return notifications.markAllRead(reader.username(), reader.roleNames(), upToId == null ? Long.MAX_VALUE : upToId,
                clock.instant());
    }
}
