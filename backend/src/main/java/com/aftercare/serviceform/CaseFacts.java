package com.aftercare.serviceform;

import java.time.Instant;
import java.time.ZoneId;

/** What the form prints of the ticket itself, as read from the ticket feature; null where the ticket has nothing. */
record CaseFacts(long ticketId, String number, String title, String customerUnit, String site, String address,
        String reporter, String reporterPhone, String siteContact, String siteContactPhone, Instant reportedAt,
        String level, String deviceName, String deviceModel, String deviceSerial, String deviceLocation, ZoneId zone) {
}
