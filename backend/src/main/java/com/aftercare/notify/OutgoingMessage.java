package com.aftercare.notify;

import java.util.List;
import java.util.Objects;

/**
 * One message to send through {@link NotificationService#send}: in-app to every recipient with a
 * username, and over the outside channels the service contract switched on.
 * A null recipient list means nobody, null channels mean in-app only, null texts are empty.
 */
public record OutgoingMessage(Long ticketId, String subject, String text, List<Recipient> recipients, ChannelSettings channels) {

    public OutgoingMessage {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        recipients = recipients == null ? List.of() : recipients.stream().filter(Objects::nonNull).toList();
        channels = channels == null ? ChannelSettings.inAppOnly() : channels;
    }
}
