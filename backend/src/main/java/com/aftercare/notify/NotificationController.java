package com.aftercare.notify;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.FindTicket;

/** The signed-in user's in-app notifications: the bell's count, the drawer's pages, and their read marks. */
@RestController
@Validated
class NotificationController {

    private final NotificationService notifications;
    private final ListNotifications list;
    private final CountUnreadNotifications countUnread;
    private final MarkNotificationRead markRead;
    private final MarkAllNotificationsRead markAllRead;
    private final FindTicket tickets;

    NotificationController(NotificationService notifications, ListNotifications list, CountUnreadNotifications countUnread,
            MarkNotificationRead markRead, MarkAllNotificationsRead markAllRead, FindTicket tickets) {
        this.notifications = notifications;
        this.list = list;
        this.countUnread = countUnread;
        this.markRead = markRead;
        this.markAllRead = markAllRead;
        this.tickets = tickets;
    }

    /** page: where the notification leads when it belongs to no case (a change request's page), else absent. */
    record NotificationView(Long id, Instant createdAt, Long ticketId, String ticketNumber, String message, boolean read,
            String page) {
    }

    record UnreadCount(long unread) {
    }

    record Marked(int marked) {
    }

    /**
     * Case events read in the reader's language (Accept-Language: zh-CN by default, or en), newest first, with
     * the reader's own read mark. {@code size} defaults to 100 (what the supervisor board reads).
     */
    @GetMapping("/api/notifications")
    List<NotificationView> mine(@RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(100) int size) {
        java.util.Locale language = Labels.language(acceptLanguage);
        return list.page(CurrentUser.username(), CurrentUser.roles(), page, size).stream()
                .map(item -> {
                    Notification n = item.notification();
                    return new NotificationView(n.getId(), n.getCreatedAt(), n.getTicketId(),
                            n.getTicketId() == null ? null : tickets.get(n.getTicketId()).getNumber(),
                            notifications.messageFor(n, language), item.read(), n.getTicketId() != null ? null
                                    : com.aftercare.ticket.event.CaseEventCodec.tryRead(n.getEventType(), n.getEventParams())
                                            .map(com.aftercare.ticket.event.CaseEvent::pageOf).orElse(null));
                })
                .toList();
    }

    /** The bell's number; cheap enough to be asked every half minute by every open tab (see ADR 0038). */
    @GetMapping("/api/notifications/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(countUnread.count(CurrentUser.username(), CurrentUser.roles()));
    }

    /** Marks one notification read for the signed-in user; again is harmless; someone else's is 404. */
    @PostMapping("/api/notifications/{id}/read")
    ResponseEntity<Void> read(@PathVariable long id) {
        // the same reader marking it in another tab at the same instant makes this transaction fail on the duplicate
        // mark and roll back; the next try finds the mark and does nothing
        TabRaces.retry(() -> {
            markRead.mark(id, CurrentUser.username(), CurrentUser.roles());
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    /** Marks read the user's notifications up to {@code upToId} (the newest their list showed), or all. */
    @PostMapping("/api/notifications/read-all")
    Marked readAll(@RequestParam(required = false) @Min(1) Long upToId) {
        // another tab marked some of them at the same instant (see read): the next try marks what is left
        return TabRaces.retry(() -> new Marked(markAllRead.markAll(CurrentUser.username(), CurrentUser.roles(), upToId)));
    }
}
