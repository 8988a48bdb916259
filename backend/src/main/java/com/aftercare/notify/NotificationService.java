package com.aftercare.notify;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.Role;

@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Notification notifyRole(Role role, Long ticketId, String message) {
        return notifications.save(new Notification(clock.instant(), role.name(), null, ticketId, message));
    }

    /** PROVISIONAL: in-app only until the notify-channels branch lands. */
    @Transactional
    public void send(OutgoingMessage message) {
        for (Recipient r : message.recipients()) {
            if (r.username() != null) {
                notifications.save(new Notification(clock.instant(), null, r.username(), message.ticketId(), message.text()));
            }
        }
    }

    @Transactional(readOnly = true)
    public List<Notification> forUser(String user, Set<Role> roles) {
        List<String> roleNames = roles.isEmpty() ? List.of("-") : roles.stream().map(Role::name).toList();
        return notifications.forRecipient(user, roleNames, PageRequest.of(0, 100));
    }

    @Transactional(readOnly = true)
    public List<Notification> ofTicket(Long ticketId) {
        return notifications.findByTicketId(ticketId);
    }
}
