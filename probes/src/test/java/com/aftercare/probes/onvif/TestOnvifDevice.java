package com.aftercare.probes.onvif;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An ONVIF device for the tests: a real HTTP server answering SOAP 1.2 with the recorded answers in
 * src/test/resources/onvif (Hikvision PTZ dome, Axis fixed camera). It checks each request's
 * WS-Security UsernameToken the way a device does: it recomputes Base64(SHA-1(nonce + created +
 * password)) and refuses a token whose Created is more than 5 minutes from its own clock, answering
 * the NotAuthorized fault. GetSystemDateAndTime is open, as ONVIF requires. With {@link #requireDigest} it is a
 * device whose firmware takes HTTP Digest only (RFC 7616 MD5, qop=auth, the response recomputed): a request without a
 * valid Digest Authorization, UsernameToken or not, gets HTTP 401 with a Digest challenge and the NotAuthorized fault.
 */
public final class TestOnvifDevice implements AutoCloseable {

    public enum Vendor { HIKVISION, AXIS }

    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final Vendor vendor;
    private final String user;
    private final String password;
    /** the device's clock minus ours */
    volatile Duration skew = Duration.ZERO;
    /** GetCapabilities answered with ActionNotSupported: the client must ask GetServices */
    volatile boolean noGetCapabilities;
    /** the motor is stuck: RelativeMove is accepted but the position stays */
    public volatile boolean stuck;
    /** HTTP Digest only: the UsernameToken is refused with 401 and a Digest challenge */
    public volatile boolean requireDigest;
    static final String DIGEST_REALM = "IP Camera(D4321)";
    private final java.util.Set<String> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The Authorization header of each request (null when none), in order */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();
    /** host put into the media service address the device hands out (e.g. an address the guard refuses) */
    volatile String mediaHost = "127.0.0.1";
    volatile double pan = 0.1;
    volatile double tilt = 0.5;
    /** "path Operation" for each request, in order */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<Double> moves = new CopyOnWriteArrayList<>();
    final List<String> requestBodies = new CopyOnWriteArrayList<>();

    public TestOnvifDevice(Vendor vendor, String user, String password) throws IOException {
        this.vendor = vendor;
        this.user = user;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/onvif/", this::handle);
        server.start();
    }

    public String deviceUrl() {
        return base() + "/onvif/device_service";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    public List<String> operations() {
        return calls.stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            requestBodies.add(new String(request, StandardCharsets.UTF_8));
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || contentType == null
                    || !contentType.startsWith("application/soap+xml")) {
                send(exchange, 415, "");
                return;
            }
            Document doc = parse(request);
            Element body = first(doc, "Body");
            Element operation = null;
            for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    operation = e;
                    break;
                }
            }
            String op = operation.getLocalName();
            calls.add(exchange.getRequestURI().getPath() + " " + op);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization);
            if (requireDigest && !op.equals("GetSystemDateAndTime")) {
                if (!digestValid(authorization, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())) {
                    String nonce = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
                    nonces.add(nonce);
                    exchange.getResponseHeaders().add("WWW-Authenticate",
                            "Digest qop=\"auth\", realm=\"" + DIGEST_REALM + "\", nonce=\"" + nonce + "\", algorithm=MD5");
                    send(exchange, 401, resource("Fault-NotAuthorized.xml"));
                    return;
                }
            } else if (!op.equals("GetSystemDateAndTime") && !tokenValid(doc)) {
                send(exchange, 400, resource("Fault-NotAuthorized.xml"));
                return;
            }
            String prefix = vendor == Vendor.HIKVISION ? "hikvision" : "axis";
            switch (op) {
                case "GetSystemDateAndTime" -> {
                    ZonedDateTime now = Instant.now().plus(skew).atZone(ZoneOffset.UTC);
                    send(exchange, 200, resource("GetSystemDateAndTimeResponse.xml", Map.of("year", now.getYear(), "month",
                            now.getMonthValue(), "day", now.getDayOfMonth(), "hour", now.getHour(), "localHour",
                            (now.getHour() + 8) % 24, "minute", now.getMinute(), "second", now.getSecond())));
                }
                case "GetDeviceInformation" -> send(exchange, 200, resource("GetDeviceInformationResponse-" + prefix + ".xml"));
                case "GetCapabilities" -> {
                    if (noGetCapabilities) {
                        send(exchange, 400, resource("Fault-ActionNotSupported.xml"));
                    } else {
                        send(exchange, 200, resource("GetCapabilitiesResponse-" + prefix + ".xml"));
                    }
                }
                case "GetServices" -> send(exchange, 200, resource("GetServicesResponse-" + prefix + ".xml"));
                case "GetProfiles" -> send(exchange, 200, resource("GetProfilesResponse-" + prefix + ".xml"));
                case "GetStreamUri" -> send(exchange, 200, resource("GetStreamUriResponse-" + prefix + ".xml"));
                case "GetStatus" -> send(exchange, 200, resource("GetStatusResponse-" + prefix + ".xml",
                        Map.of("x", String.format(Locale.ROOT, "%.6f", pan), "y", String.format(Locale.ROOT, "%.6f", tilt),
                                "utc", Instant.now().plus(skew).toString())));
                case "RelativeMove" -> {
                    double x = Double.parseDouble(first(operation, "PanTilt").getAttribute("x"));
                    moves.add(x);
                    if (!stuck) {
                        pan = Math.max(-1, Math.min(1, pan + x));
                    }
                    send(exchange, 200, resource("RelativeMoveResponse-" + prefix + ".xml"));
                }
                default -> send(exchange, 400, resource("Fault-ActionNotSupported.xml"));
            }
        }
    }

    /** Recomputes the Digest response (RFC 7616 3.4.1, MD5, qop=auth) from our password and compares. */
    private boolean digestValid(String header, String method, String uri) {
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=(\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(4));
        }
        if (!user.equals(p.get("username")) || !DIGEST_REALM.equals(p.get("realm")) || !nonces.contains(p.get("nonce"))
                || !uri.equals(p.get("uri")) || !"auth".equals(p.get("qop")) || p.get("nc") == null || p.get("cnonce") == null) {
            return false;
        }
        String ha1 = md5(user + ":" + DIGEST_REALM + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2).equals(p.get("response"));
    }

    private static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a device does with a UsernameToken (ONVIF Core 5.12.2): recompute the digest, check the time. */
    private boolean tokenValid(Document doc) {
        Element token = first(doc, "UsernameToken");
        if (token == null) {
            return false;
        }
        Element passwordElement = first(token, "Password");
        if (!user.equals(text(token, "Username")) || passwordElement == null
                || !passwordElement.getAttribute("Type").endsWith("#PasswordDigest")) {
            return false;
        }
        String created = text(token, "Created");
        byte[] nonce = Base64.getDecoder().decode(text(token, "Nonce"));
        Duration off = Duration.between(Instant.parse(created), Instant.now().plus(skew)).abs();
        if (off.compareTo(CLOCK_TOLERANCE) > 0) {
            return false;
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest()).equals(passwordElement.getTextContent().trim());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String resource(String name) throws IOException {
        return resource(name, Map.of());
    }

    private String resource(String name, Map<String, ?> values) throws IOException {
        try (InputStream in = TestOnvifDevice.class.getResourceAsStream("/onvif/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${base}", base()).replace("${mediaBase}", "http://" + mediaHost + ":" + port())
                    .replace("${host}", "127.0.0.1");
            for (Map.Entry<String, ?> v : values.entrySet()) {
                String value = v.getValue() instanceof Integer i && !v.getKey().equals("year") ? String.format("%02d", i)
                        : String.valueOf(v.getValue());
                text = text.replace("${" + v.getKey() + "}", value);
            }
            return text;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/soap+xml; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Node node, String localName) {
        var list = node instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) node).getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element e, String localName) {
        Element c = first(e, localName);
        return c == null ? null : c.getTextContent().trim();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
