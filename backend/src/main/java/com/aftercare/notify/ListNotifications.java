package com.aftercare.notify;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

/** A page of the signed-in user's notifications, newest first, each with whether this reader has read it. */
@Service
public class ListNotifications {

    public record Item(Notification notification, boolean read) {
    }

    private final NotificationRepository notifications;

    ListNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public List<Item> page(String username, Set<Role> roles, int page, int size) {
        NotificationReader reader = NotificationReader.of(username, roles);
        List<Notification> found = notifications.forRecipient(reader.username(), reader.roleNames(), PageRequest.of(page, size));
        if (found.isEmpty()) {
            return List.of();
        }
        Set<Long> read = new HashSet<>(notifications.readAmong(reader.username(), found.stream().map(Notification::getId).toList()));
        return found.stream().map(n -> new Item(n, n.getReadAt() != null || read.contains(n.getId()))).toList();
    }
}
