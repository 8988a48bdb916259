package com.aftercare.notify;

import java.util.List;

public record OutgoingMessage(Long ticketId, String subject, String text, List<Recipient> recipients, ChannelSettings channels) {
}
