package com.aftercare.probes.isapi;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.w3c.dom.Document;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.net.DigestAuth;
import com.aftercare.probes.net.Failures;
import com.aftercare.probes.net.PinnedHttp;

/**
 * Talks to the Hikvision ISAPI of one recorder for one check. A camera is checked on the NVR that records
 * it (its recorder's URL and account, only its own channel); an NVR on its own URL with all its channels.
 * The host is resolved once through the guard and every request goes to that address. Authentication is
 * Digest as the devices ask for it; the first answer's challenge is reused for the following requests. A
 * refused password is never retried: Hikvision locks the account after a few failed logins, and a
 * verification must not lock the customer out of their own recorder.
 */
final class IsapiClient {

    /** The device answered something other than what the check needs; reason and safe facts. */
    static final class IsapiFailure extends Exception {
        final CheckReason reason;

        IsapiFailure(CheckReason reason, String shown) {
            super(shown, null, false, false);
            this.reason = reason;
        }
    }

    /** A 256-channel recorder's channel status list is about 200 KB; anything longer is cut and fails as not XML. */
    static final int MAX_ANSWER_BYTES = 512 * 1024;

    private final URI base;
    private final InetAddress address;
    private final String username;
    private final String password;
    private final boolean tlsInsecure;
    private final PinnedHttp http;
    /** The camera's channel on the recorder; null for an NVR (all channels). */
    final Integer channel;
    private DigestAuth digest;

    private IsapiClient(URI base, InetAddress address, DeviceEndpoint recorder, Integer channel, Timeouts timeouts) {
        this.base = base;
        this.address = address;
        this.username = recorder.username();
        this.password = recorder.password();
        this.tlsInsecure = recorder.tlsInsecure();
        this.channel = channel;
        this.http = new PinnedHttp(timeouts.connect(), timeouts.read(), MAX_ANSWER_BYTES);
    }

    /** For a camera with a recorder: the recorder; else the device itself. */
    static DeviceEndpoint recorderOf(DeviceEndpoint device) {
        return device.recorder() != null ? device.recorder() : device;
    }

    /** What the device's settings lack for ISAPI, or null. */
    static String missing(DeviceEndpoint device) {
        boolean camera = device.recorder() != null;
        String prefix = camera ? "recorder." : "";
        DeviceEndpoint recorder = recorderOf(device);
        if (camera && device.channel() == null) {
            return "channel";
        }
        if (recorder.isapiUrl() == null || recorder.isapiUrl().isBlank()) {
            return prefix + "isapiUrl";
        }
        if (recorder.username() == null || recorder.username().isEmpty()) {
            return prefix + "username";
        }
        if (recorder.password() == null) {
            return prefix + "password";
        }
        return null;
    }

    /** The frame every ISAPI check shares: settings, URL, guard, failures as outcomes. */
    @FunctionalInterface
    interface Conversation {
        CheckOutcome talk(IsapiClient client, long startNanos) throws IsapiFailure;
    }

    static CheckOutcome run(CheckKind kind, DeviceEndpoint device, AddressGuard guard, Timeouts timeouts, Conversation conversation) {
        String missing = missing(device);
        if (missing != null) {
            return CheckOutcome.notConfigured(kind, missing);
        }
        DeviceEndpoint recorder = recorderOf(device);
        URI base;
        try {
            base = new URI(recorder.isapiUrl().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            return CheckOutcome.fail(kind, "", CheckReason.NOT_CONFIGURED, "isapiUrl is not a valid URL", 0);
        }
        if (base.getHost() == null || base.getUserInfo() != null
                || !("http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme()))) {
            return CheckOutcome.fail(kind, "", CheckReason.NOT_CONFIGURED, "isapiUrl is not a usable http(s) URL", 0);
        }
        String shown = base.toString();
        InetAddress address;
        try {
            address = guard.resolve(base.getHost(), PinnedHttp.port(base));
        } catch (AddressGuard.RefusedTarget e) {
            return CheckOutcome.fail(kind, shown, CheckReason.TARGET_REFUSED, e.getMessage(), 0);
        }
        long start = System.nanoTime();
        IsapiClient client = new IsapiClient(base, address, recorder, device.recorder() != null ? device.channel() : null, timeouts);
        try {
            return conversation.talk(client, start);
        } catch (IsapiFailure e) {
            return CheckOutcome.fail(kind, shown, e.reason, e.getMessage(), millisSince(start));
        } catch (RuntimeException e) {
            // a device's odd answer must end as an outcome, never as an exception out of the runner
            return CheckOutcome.fail(kind, shown, CheckReason.PROTOCOL_ERROR, "unexpected answer", millisSince(start));
        }
    }

    String shown(String path) {
        return base + path;
    }

    Document get(String path) throws IsapiFailure {
        return exchange("GET", path, null);
    }

    Document post(String path, String xml) throws IsapiFailure {
        return exchange("POST", path, xml.getBytes(StandardCharsets.UTF_8));
    }

    private Document exchange(String method, String path, byte[] body) throws IsapiFailure {
        URI uri = URI.create(base + path);
        PinnedHttp.Response response = send(method, uri, path, body);
        if (response.status() == 401 && digest == null) {
            digest = challenge(response);
            response = send(method, uri, path, body);
        } else if (response.status() == 401 && stale(response)) {
            // the nonce we reused expired; a fresh one is no new password attempt
            digest = challenge(response);
            response = send(method, uri, path, body);
        }
        int status = response.status();
        if (status == 401) {
            throw new IsapiFailure(CheckReason.AUTH_FAILED, "HTTP 401 after authenticating as the configured user");
        }
        Document doc = IsapiXml.parse(response.body());
        if (status == 404 || (status == 403 && doc != null && notSupported(doc))) {
            throw new IsapiFailure(CheckReason.NOT_SUPPORTED, "HTTP " + status + " for " + path);
        }
        if (status < 200 || status > 299) {
            throw new IsapiFailure(CheckReason.BAD_STATUS, "HTTP " + status + " for " + path);
        }
        if (doc == null) {
            throw new IsapiFailure(CheckReason.PROTOCOL_ERROR, "answer to " + path + " is not XML");
        }
        return doc;
    }

    private PinnedHttp.Response send(String method, URI uri, String path, byte[] body) throws IsapiFailure {
        Map<String, String> headers = digest == null ? Map.of() : Map.of("Authorization", digest.authorization(method, path));
        try {
            return http.send(method, uri, address, headers, body == null ? null : "application/xml; charset=UTF-8", body, tlsInsecure);
        } catch (PinnedHttp.Failure e) {
            throw new IsapiFailure(Failures.reason(e), e.getMessage());
        }
    }

    private DigestAuth challenge(PinnedHttp.Response response) throws IsapiFailure {
        List<String> offered = response.headers("WWW-Authenticate");
        for (String header : offered) {
            DigestAuth auth = DigestAuth.of(header, username, password);
            if (auth != null) {
                return auth;
            }
        }
        // Basic would put the password on the wire in the clear; ISAPI devices all offer Digest
        throw new IsapiFailure(CheckReason.AUTH_FAILED, offered.isEmpty() ? "HTTP 401 without a challenge" : "no Digest challenge offered");
    }

    private static boolean stale(PinnedHttp.Response response) {
        return response.headers("WWW-Authenticate").stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).replace(" ", "").contains("stale=true")
                        || h.toLowerCase(Locale.ROOT).replace(" ", "").contains("stale=\"true\""));
    }

    /** ISAPI's ResponseStatus with subStatusCode notSupport: the device lacks the function. */
    private static boolean notSupported(Document doc) {
        return IsapiXml.all(doc, "subStatusCode").stream().anyMatch(e -> "notSupport".equals(e.getTextContent().trim()));
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
