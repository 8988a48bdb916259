package com.aftercare.probes.isapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/**
 * Recording span (VC-3: storage keeps at least 30 days, each camera at least 60 days). For each channel
 * (an NVR: every channel the recorder lists; a camera: its own channel on its recorder) a recording search
 * POST /ISAPI/ContentMgmt/search on the main-stream track (channel * 100 + 1) from 2000 to now finds the oldest
 * recording; its start must lie at least param "minDays" days before now (default 30 for an NVR, 60 for a
 * camera), else SHORT_RECORDINGS with the days found. A recorder overwrites its oldest footage when full, so
 * the oldest start is exactly how far back a customer can look.
 */
public final class IsapiRecordingsCheck implements DeviceCheck {

    static final String SEARCH = "/ISAPI/ContentMgmt/search";
    /** Results per search: 20 items (about 14 KB) are plenty, as the verdict needs one recording before the cutoff. */
    static final int MAX_RESULTS = 20;
    static final int NVR_DEFAULT_DAYS = 30;
    static final int CAMERA_DEFAULT_DAYS = 60;
    private static final Instant SEARCH_FROM = Instant.parse("2000-01-01T00:00:00Z");
    /**
     * The first search ends a minute after the cutoff, so a recording starting exactly at it is found whether the
     * recorder's span end is inclusive or not; the verdict still compares the start with the cutoff itself.
     */
    private static final Duration CUTOFF_SLACK = Duration.ofMinutes(1);

    private final Clock clock;

    public IsapiRecordingsCheck() {
        this(Clock.systemUTC());
    }

    /** With the clock that says "now" (tests fix it). */
    public IsapiRecordingsCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.NVR_RECORDINGS;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        int minDays;
        try {
            minDays = request.intParam("minDays", device.recorder() != null ? CAMERA_DEFAULT_DAYS : NVR_DEFAULT_DAYS);
        } catch (NumberFormatException e) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "param minDays is not a whole number", 0);
        }
        return IsapiClient.run(kind(), device, guard, timeouts, (client, start) -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            List<Integer> channels = new ArrayList<>();
            if (client.channel != null) {
                channels.add(client.channel);
            } else {
                Document list = client.get(IsapiChannelsCheck.PATH);
                for (Element channel : IsapiXml.all(list, "InputProxyChannelStatus")) {
                    try {
                        channels.add(Integer.parseInt(IsapiXml.child(channel, "id")));
                    } catch (NumberFormatException | NullPointerException e) {
                        // a channel without a numeric id cannot be searched; the channels check reports the recorder's list
                    }
                }
            }
            String target = client.shown(SEARCH) + (client.channel == null ? "" : " channel " + client.channel);
            if (channels.isEmpty()) {
                return CheckOutcome.fail(kind(), target, CheckReason.SHORT_RECORDINGS, "no channel on the recorder",
                        IsapiClient.millisSince(start));
            }
            List<String> short_ = new ArrayList<>();
            long shortestDays = Long.MAX_VALUE;
            Instant cutoff = now.minus(Duration.ofDays(minDays));
            for (int channel : channels) {
                int track = channel * 100 + 1;
                // Ask first for recordings up to the cutoff: every one the recorder returns started before it
                // (searches match recordings overlapping the span), so the verdict does not depend on the order
                // or the paging of the results. Only when there is none, a second search finds how far back it goes.
                Instant oldest = oldest(client, track, cutoff.plus(CUTOFF_SLACK));
                boolean enough = oldest != null && !oldest.isAfter(cutoff);
                if (!enough) {
                    oldest = oldest(client, track, now);
                }
                long days = oldest == null ? 0 : Duration.between(oldest, now).toDays();
                shortestDays = Math.min(shortestDays, days);
                if (oldest == null) {
                    short_.add("channel " + channel + ": no recordings");
                } else if (!enough) {
                    short_.add("channel " + channel + ": " + days + " days");
                }
            }
            long millis = IsapiClient.millisSince(start);
            if (!short_.isEmpty()) {
                return CheckOutcome.fail(kind(), target, CheckReason.SHORT_RECORDINGS,
                        String.join(", ", short_) + "; minimum " + minDays + " days", millis);
            }
            return CheckOutcome.pass(kind(), target, (channels.size() == 1 ? "channel " + channels.get(0) + ": " : channels.size()
                    + " channels, shortest ") + shortestDays + " days; minimum " + minDays + " days", millis);
        });
    }

    /** The start of the oldest recording the recorder returns for one track up to {@code until}, or null when it finds none. */
    private static Instant oldest(IsapiClient client, int track, Instant until) throws IsapiClient.IsapiFailure {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CMSearchDescription version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
                <searchID>%s</searchID>
                <trackIDList><trackID>%d</trackID></trackIDList>
                <timeSpanList><timeSpan><startTime>%s</startTime><endTime>%s</endTime></timeSpan></timeSpanList>
                <maxResults>%d</maxResults>
                <searchResultPostion>0</searchResultPostion>
                <metadataList><metadataDescriptor>//recordType.meta.std-cgi.com</metadataDescriptor></metadataList>
                </CMSearchDescription>
                """.formatted(UUID.randomUUID().toString().toUpperCase(), track, SEARCH_FROM, until, MAX_RESULTS);
        Document result = client.post(SEARCH, body);
        List<Element> status = IsapiXml.all(result, "responseStatus");
        if (!status.isEmpty() && !"true".equalsIgnoreCase(status.get(0).getTextContent().trim())) {
            throw new IsapiClient.IsapiFailure(CheckReason.BAD_STATUS, "search of track " + track + " refused");
        }
        Instant oldest = null;
        for (Element item : IsapiXml.all(result, "searchMatchItem")) {
            List<Element> spans = IsapiXml.all(item, "timeSpan");
            String startText = spans.isEmpty() ? null : IsapiXml.child(spans.get(0), "startTime");
            Instant start = instant(startText);
            if (start == null) {
                throw new IsapiClient.IsapiFailure(CheckReason.PROTOCOL_ERROR, "recording of track " + track + " without a start time");
            }
            if (oldest == null || start.isBefore(oldest)) {
                oldest = start;
            }
        }
        return oldest;
    }

    /** ISAPI times are ISO 8601 with Z or an offset; a time without zone is taken as UTC (some firmware drops the Z). */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
