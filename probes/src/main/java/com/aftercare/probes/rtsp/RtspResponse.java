package com.aftercare.probes.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One RTSP answer: status, headers by lower-case name (a name may repeat, e.g. WWW-Authenticate), body. */
record RtspResponse(int status, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> all(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean success() {
        return status >= 200 && status < 300;
    }
}
