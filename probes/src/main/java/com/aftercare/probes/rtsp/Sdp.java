package com.aftercare.probes.rtsp;

import java.util.Locale;

/**
 * The parts of a session description (RFC 8866) the stream check needs: the first video media's
 * control URL and codec, and the session-level control. Anything else in the SDP is ignored.
 */
record Sdp(String sessionControl, String videoControl, String videoCodec) {

    /** null when the description has no video media. */
    static Sdp parse(String text) {
        String sessionControl = null;
        String videoControl = null;
        String videoCodec = null;
        String videoPayload = null;
        boolean inMedia = false;
        boolean inVideo = false;
        boolean videoSeen = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                inMedia = true;
                // only the first video media counts: a second one (e.g. a substream) is left alone
                inVideo = !videoSeen && line.startsWith("m=video ");
                if (inVideo) {
                    videoSeen = true;
                    String[] parts = line.substring(2).split("\\s+");
                    videoPayload = parts.length > 3 ? parts[3] : null;
                }
            } else if (line.startsWith("a=control:")) {
                String control = line.substring(10).trim();
                if (!inMedia) {
                    sessionControl = control;
                } else if (inVideo) {
                    videoControl = control;
                }
            } else if (inVideo && line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring(9).trim().split("\\s+", 2);
                if (parts.length == 2 && parts[0].equals(videoPayload)) {
                    String name = parts[1].split("/")[0].trim();
                    videoCodec = name.matches("[A-Za-z0-9.-]{1,16}") ? name.toUpperCase(Locale.ROOT) : null;
                }
            }
        }
        if (!videoSeen) {
            return null;
        }
        if (videoCodec == null && videoPayload != null) {
            videoCodec = staticCodec(videoPayload);
        }
        return new Sdp(sessionControl, videoControl, videoCodec);
    }

    /** Payload types with a static meaning (RFC 3551) need no rtpmap line. */
    private static String staticCodec(String payload) {
        return switch (payload) {
            case "26" -> "JPEG";
            case "32" -> "MPV";
            case "34" -> "H263";
            default -> null;
        };
    }

    /** Resolves a control attribute against the base URL the way RTSP clients do (RFC 2326 C.1.1). */
    static String resolve(String base, String control) {
        if (control == null || control.isEmpty() || control.equals("*")) {
            return base;
        }
        String lower = control.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rtsp://") || lower.startsWith("rtsps://")) {
            return control;
        }
        return base.endsWith("/") ? base + control : base + "/" + control;
    }
}
