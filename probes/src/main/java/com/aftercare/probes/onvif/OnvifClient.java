package com.aftercare.probes.onvif;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.net.DigestAuth;
import com.aftercare.probes.net.Failures;
import com.aftercare.probes.net.PinnedHttp;

/**
 * SOAP 1.2 over HTTP to one ONVIF device: every address (the device service and every service
 * address the device hands back) goes through the guard once and is then connected to as resolved;
 * requests carry a WS-Security UsernameToken dated by the device's clock. A device that refuses the token with HTTP 401
 * and a Digest challenge (ONVIF Core 5.12.1: HTTP Digest is the other authentication a device may require, and some
 * firmware accepts only it) is asked again with HTTP Digest (RFC 7616) instead, and so for the rest of the check; a
 * stale nonce is renewed once per request. Basic is never offered the password. Faults become reasons:
 * NotAuthorized (or WS-Security's FailedAuthentication) is AUTH_FAILED, any other fault BAD_STATUS.
 */
final class OnvifClient {

    private final AddressGuard guard;
    private final PinnedHttp http;
    private final boolean tlsInsecure;
    private final String username;
    private final String password;
    private final Map<String, InetAddress> resolved = new HashMap<>();
    private Duration clockOffset = Duration.ZERO;
    /** Set once the device asked for HTTP Digest: from then on requests carry Digest instead of the UsernameToken. */
    private DigestAuth digest;

    OnvifClient(AddressGuard guard, Timeouts timeouts, boolean tlsInsecure, String username, String password) {
        this.guard = guard;
        this.http = new PinnedHttp(timeouts.connect(), timeouts.read());
        this.tlsInsecure = tlsInsecure;
        this.username = username == null || username.isEmpty() ? null : username;
        this.password = password;
    }

    boolean hasCredentials() {
        return username != null;
    }

    /** An http(s) URL without credentials, or null. */
    static URI serviceUri(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null && uri.getRawUserInfo() == null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * Reads the device's clock (GetSystemDateAndTime needs no authentication, ONVIF Core 5.9.4) so the
     * UsernameToken's Created matches it; a camera whose clock is hours off still accepts us. A device that
     * does not answer it keeps our clock; one that cannot be reached at all fails here.
     */
    void syncClock(URI device) throws OnvifFailure {
        Element answer;
        try {
            answer = call(device, Soap.DEVICE, "GetSystemDateAndTime", "<tds:GetSystemDateAndTime/>", false);
        } catch (OnvifFailure f) {
            if (f.reason() == CheckReason.BAD_STATUS || f.reason() == CheckReason.AUTH_FAILED
                    || f.reason() == CheckReason.PROTOCOL_ERROR) {
                return;
            }
            throw f;
        }
        Element utc = Soap.first(answer, "UTCDateTime");
        if (utc == null) {
            return;
        }
        try {
            LocalDateTime deviceTime = LocalDateTime.of(number(utc, "Year"), number(utc, "Month"), number(utc, "Day"),
                    number(utc, "Hour"), number(utc, "Minute"), number(utc, "Second"));
            clockOffset = Duration.between(Instant.now(), deviceTime.toInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            // an unreadable date: keep our clock
        }
    }

    private static int number(Element e, String name) {
        return Integer.parseInt(Soap.text(e, name));
    }

    /** Calls one operation and returns the response element (the body's first child). */
    Element call(URI service, String namespace, String operation, String body) throws OnvifFailure {
        return call(service, namespace, operation, body, true);
    }

    private Element call(URI service, String namespace, String operation, String body, boolean authenticate) throws OnvifFailure {
        InetAddress address = resolve(service);
        String contentType = "application/soap+xml; charset=utf-8; action=\"" + namespace + "/" + operation + "\"";
        PinnedHttp.Response response = send(service, address, contentType, body, operation, authenticate);
        if (response.status() == 401 && username != null) {
            DigestAuth offered = digestChallenge(response);
            if (offered != null && (digest == null || stale(response))) {
                // the UsernameToken refused with a Digest challenge (or our Digest nonce expired): ask again with Digest
                digest = offered;
                response = send(service, address, contentType, body, operation, authenticate);
            }
        }
        Document doc = Soap.parse(response.body());
        Element answer = doc == null ? null : Soap.bodyChild(doc);
        if (answer != null && "Fault".equals(answer.getLocalName()) && Soap.ENV.equals(answer.getNamespaceURI())) {
            List<String> codes = Soap.faultCodes(answer);
            if (codes.contains("NotAuthorized") || codes.contains("FailedAuthentication")) {
                throw new OnvifFailure(CheckReason.AUTH_FAILED, "SOAP fault NotAuthorized for " + operation);
            }
            // the first subcode names the ONVIF error (ter:ActionNotSupported); the code above it only says whose fault it is
            String code = codes.isEmpty() ? "?" : Soap.shown(codes.get(codes.size() > 1 ? 1 : 0));
            throw new OnvifFailure(CheckReason.BAD_STATUS, "SOAP fault " + code + " for " + operation);
        }
        if (response.status() == 401) {
            // refused with Digest too, or a device that offers no Digest challenge
            throw new OnvifFailure(CheckReason.AUTH_FAILED, "HTTP 401 for " + operation);
        }
        if (response.status() < 200 || response.status() >= 300) {
            throw new OnvifFailure(CheckReason.BAD_STATUS, "HTTP " + response.status() + " for " + operation);
        }
        if (answer == null || !answer.getLocalName().equals(operation + "Response")) {
            throw new OnvifFailure(CheckReason.PROTOCOL_ERROR, "no " + operation + "Response in the answer");
        }
        return answer;
    }

    private PinnedHttp.Response send(URI service, InetAddress address, String contentType, String body, String operation,
            boolean authenticate) throws OnvifFailure {
        // with Digest the HTTP layer authenticates; a UsernameToken besides it is refused by some firmware
        String security = authenticate && username != null && digest == null
                ? WsUsernameToken.header(username, password, Instant.now().plus(clockOffset)) : null;
        byte[] envelope = Soap.envelope(security, body).getBytes(StandardCharsets.UTF_8);
        String path = service.getRawPath() == null || service.getRawPath().isEmpty() ? "/" : service.getRawPath();
        String target = path + (service.getRawQuery() == null ? "" : "?" + service.getRawQuery());
        Map<String, String> headers = digest == null ? Map.of() : Map.of("Authorization", digest.authorization("POST", target));
        try {
            return http.send("POST", service, address, headers, contentType, envelope, tlsInsecure);
        } catch (PinnedHttp.Failure e) {
            throw new OnvifFailure(Failures.reason(e), e.getMessage() + " (" + operation + ")");
        }
    }

    /** The device's Digest challenge in a 401, or null (Basic alone is not answered: it would send the password in clear). */
    private DigestAuth digestChallenge(PinnedHttp.Response response) {
        for (String header : response.headers("WWW-Authenticate")) {
            DigestAuth auth = DigestAuth.of(header, username, password == null ? "" : password);
            if (auth != null) {
                return auth;
            }
        }
        return null;
    }

    private static boolean stale(PinnedHttp.Response response) {
        return response.headers("WWW-Authenticate").stream()
                .map(h -> h.toLowerCase(Locale.ROOT).replace(" ", ""))
                .anyMatch(h -> h.contains("stale=true") || h.contains("stale=\"true\""));
    }

    private InetAddress resolve(URI service) throws OnvifFailure {
        int port = PinnedHttp.port(service);
        String key = service.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        InetAddress address = resolved.get(key);
        if (address == null) {
            try {
                address = guard.resolve(service.getHost(), port);
            } catch (AddressGuard.RefusedTarget e) {
                throw new OnvifFailure(CheckReason.TARGET_REFUSED, e.getMessage());
            }
            resolved.put(key, address);
        }
        return address;
    }
}
