package com.aftercare.probes.isapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Hikvision NVR's ISAPI as seen on the wire, for the ISAPI checks' tests: real HTTP on a loopback port,
 * real Digest authentication (RFC 7616 MD5 with qop=auth, the response recomputed and compared; any
 * mistake is a 401 with a fresh challenge, as the devices do), and answers taken from recorded-format XML in
 * src/test/resources/isapi/. Recording searches are answered per track from the recordings a test sets.
 */
public final class IsapiTestServer implements AutoCloseable {

    /** Where the storage and channel answers go (the checks' own paths), for tests outside this package. */
    public static final String STORAGE = IsapiStorageCheck.PATH;
    public static final String CHANNELS = IsapiChannelsCheck.PATH;


    public static final String USER = "admin";
    public static final String PASSWORD = "Hik12345!";
    static final String REALM = "DS-7608NI-K2";

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> oldestByTrack = new ConcurrentHashMap<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    /** Each request as "METHOD path status", in order: lets a test count what the check sent. */
    public final List<String> log = new CopyOnWriteArrayList<>();
    final List<String> searchBodies = new CopyOnWriteArrayList<>();
    /** When set, a nonce serves one request only and a second use gets 401 with stale=TRUE (nonce expiry, RFC 7616 3.3). */
    volatile boolean singleUseNonces;
    private final Set<String> usedNonces = ConcurrentHashMap.newKeySet();

    public IsapiTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The XML answered for GET path (a resource under isapi/ with optional replacements). */
    public void answer(String path, String resource, String... replacements) {
        String xml = resource(resource);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            xml = xml.replace(replacements[i], replacements[i + 1]);
        }
        answers.put(path, xml);
    }

    /** Literal XML answered for GET path. */
    public void answerXml(String path, String xml) {
        answers.put(path, xml);
    }

    /** The oldest recording on a track (channel * 100 + 1); the recorder holds one segment a day from it until now. */
    public void oldestRecording(int track, Instant start) {
        oldestByTrack.put(track, start);
    }

    /** The recorder's clock (the end of its recordings). */
    public volatile Instant now = Instant.now();

    static String resource(String name) {
        try (InputStream in = IsapiTestServer.class.getResourceAsStream("/isapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource isapi/" + name, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        String uri = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean valid = authorized(authorization, method, uri);
        boolean stale = valid && singleUseNonces && !usedNonces.add(params(authorization.substring(7)).get("nonce"));
        if (!valid || stale) {
            String nonce = HexFormat.of().formatHex(random.generateSeed(16));
            nonces.add(nonce);
            exchange.getResponseHeaders().add("WWW-Authenticate",
                    "Digest qop=\"auth\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", stale=\"" + (stale ? "TRUE" : "FALSE") + "\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            reply(exchange, 401, resource("not-supported.xml").replace("notSupport", "unAuthorized"), method, uri);
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        if ("POST".equals(method) && path.equals(IsapiRecordingsCheck.SEARCH)) {
            String request = new String(body, StandardCharsets.UTF_8);
            searchBodies.add(request);
            reply(exchange, 200, search(request), method, uri);
            return;
        }
        String xml = "GET".equals(method) ? answers.get(path) : null;
        if (xml == null) {
            reply(exchange, 404, "", method, uri);
        } else if (xml.contains("<subStatusCode>notSupport</subStatusCode>")) {
            reply(exchange, 403, xml, method, uri);
        } else {
            reply(exchange, 200, xml, method, uri);
        }
    }

    /** Answers newest first, as a recorder that pages backwards would; the check's verdict must not depend on it. */
    volatile boolean newestFirst;

    /**
     * A recording search as a recorder answers it: the track's daily one-hour segments from its oldest recording
     * up to now that overlap the requested span, at most maxResults of them, "MORE" when some were left out.
     */
    private String search(String request) {
        String searchId = first(request, "searchID");
        int track = Integer.parseInt(first(request, "trackID"));
        Instant from = Instant.parse(first(request, "startTime"));
        Instant to = Instant.parse(first(request, "endTime"));
        int max = Integer.parseInt(first(request, "maxResults"));
        Instant oldest = oldestByTrack.get(track);
        List<Instant> starts = new ArrayList<>();
        for (Instant t = oldest; t != null && t.isBefore(now); t = t.plus(Duration.ofDays(1))) {
            Instant end = t.plus(Duration.ofMinutes(59)).plusSeconds(59);
            if (!t.isAfter(to) && !end.isBefore(from)) {
                starts.add(t);
            }
        }
        if (starts.isEmpty()) {
            return resource("search-no-matches.xml").replace("SEARCHID", searchId);
        }
        if (newestFirst) {
            Collections.reverse(starts);
        }
        boolean more = starts.size() > max;
        List<Instant> page = starts.subList(0, Math.min(max, starts.size()));
        StringBuilder items = new StringBuilder();
        for (Instant start : page) {
            Instant end = start.plus(Duration.ofMinutes(59)).plusSeconds(59);
            items.append(resource("search-item.xml").replace("TRACK", String.valueOf(track))
                    .replace("STARTCOMPACT", compact(start)).replace("ENDCOMPACT", compact(end))
                    .replace("START", start.toString()).replace("END", end.toString()));
        }
        return resource("search-result.xml").replace("SEARCHID", searchId).replace("MORE", more ? "MORE" : "OK")
                .replace("COUNT", String.valueOf(page.size())).replace("ITEMS", items.toString());
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("search without " + element);
        }
        return m.group(1);
    }

    private static String compact(Instant t) {
        return t.toString().replace("-", "").replace(":", "");
    }

    /** Recomputes the Digest response (RFC 7616 3.4.1, qop=auth) from our password and compares. */
    private boolean authorized(String header, String method, String uri) {
        if (header == null || !header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = params(header.substring(7));
        if (!USER.equals(p.get("username")) || !REALM.equals(p.get("realm")) || !nonces.contains(p.get("nonce"))
                || !uri.equals(p.get("uri")) || !"auth".equals(p.get("qop")) || p.get("nc") == null || p.get("cnonce") == null) {
            return false;
        }
        String ha1 = md5(USER + ":" + REALM + ":" + PASSWORD);
        String ha2 = md5(method + ":" + uri);
        String expected = md5(ha1 + ":" + p.get("nonce") + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
        return expected.equals(p.get("response"));
    }

    private static Map<String, String> params(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(\"([^\"]*)\"|([^,\\s]*))").matcher(s);
        while (m.find()) {
            out.put(m.group(1).toLowerCase(), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return out;
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void reply(HttpExchange exchange, int status, String xml, String method, String uri) throws IOException {
        log.add(method + " " + uri + " " + status);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml; charset=\"UTF-8\"");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
