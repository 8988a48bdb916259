package com.aftercare.notify;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.aftercare.ticket.event.CaseEvent;

/**
 * A case event to tell people about through {@link NotificationService#send(CaseEventMessage)}. The sender
 * gives the event, never a sentence: the outside channels get it written in {@code language} (the
 * contract's, since their readers never chose one in our UI), the in-app notification keeps the event so
 * each reader sees it in their own language.
 *
 * @param zone the zone times in the text are shown in (the contract's)
 */
public record CaseEventMessage(Long ticketId, CaseEvent event, Locale language, ZoneId zone, List<Recipient> recipients,
        ChannelSettings channels) {

    public CaseEventMessage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        recipients = recipients == null ? List.of() : recipients.stream().filter(Objects::nonNull).toList();
        channels = channels == null ? ChannelSettings.inAppOnly() : channels;
    }
}
