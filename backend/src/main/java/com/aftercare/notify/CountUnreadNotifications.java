package com.aftercare.notify;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/** The bell's number: how many of the signed-in user's notifications they have not read. One indexed count. */
@Service
public class CountUnreadNotifications {

    private final NotificationRepository notifications;

    CountUnreadNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public long count(String username, Set<Role> roles) {
        NotificationReader reader = NotificationReader.of(username, roles);
        return notifications.countUnread(reader.username(), reader.roleNames());
    }
}
