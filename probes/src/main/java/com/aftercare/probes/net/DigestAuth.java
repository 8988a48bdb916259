package com.aftercare.probes.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP Digest authentication (RFC 7616, MD5 and SHA-256, qop "auth" or none) for the protocols that
 * use it on video devices: RTSP DESCRIBE/SETUP/PLAY and the vendors' HTTP APIs (ISAPI). Basic is in
 * {@link #basic}. One instance answers one challenge; {@link #authorization} may be called for each
 * request of the exchange (the nonce count goes up).
 */
public final class DigestAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> challenge;
    private final String username;
    private final String password;
    private int nonceCount;

    private DigestAuth(Map<String, String> challenge, String username, String password) {
        this.challenge = challenge;
        this.username = username;
        this.password = password;
    }

    /** From a WWW-Authenticate header value; null when it is not a Digest challenge. */
    public static DigestAuth of(String wwwAuthenticate, String username, String password) {
        if (wwwAuthenticate == null || !wwwAuthenticate.trim().regionMatches(true, 0, "Digest ", 0, 7)) {
            return null;
        }
        return new DigestAuth(parse(wwwAuthenticate.trim().substring(7)), username, password);
    }

    /** The Authorization header value for Basic. */
    public static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String realm() {
        return challenge.getOrDefault("realm", "");
    }

    /** The Authorization header value for one request; uri is the request target as sent ("/ISAPI/..." or the RTSP URL). */
    public synchronized String authorization(String method, String uri) {
        String algorithm = challenge.getOrDefault("algorithm", "MD5");
        String hashName = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
        String realm = realm();
        String nonce = challenge.getOrDefault("nonce", "");
        String qop = qop(challenge.get("qop"));
        String ha1 = hash(hashName, username + ":" + realm + ":" + password);
        String ha2 = hash(hashName, method + ":" + uri);
        StringBuilder h = new StringBuilder("Digest username=\"").append(username).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append('"');
        String response;
        if (qop != null) {
            String nc = String.format("%08x", ++nonceCount);
            String cnonce = HexFormat.of().formatHex(RANDOM.generateSeed(8));
            response = hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
            h.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        } else {
            response = hash(hashName, ha1 + ":" + nonce + ":" + ha2);
        }
        h.append(", response=\"").append(response).append('"');
        if (challenge.containsKey("algorithm")) {
            h.append(", algorithm=").append(algorithm);
        }
        if (challenge.containsKey("opaque")) {
            h.append(", opaque=\"").append(challenge.get("opaque")).append('"');
        }
        return h.toString();
    }

    private static String qop(String offered) {
        if (offered == null) {
            return null;
        }
        for (String q : offered.split(",")) {
            if (q.trim().equalsIgnoreCase("auth")) {
                return "auth";
            }
        }
        return null;
    }

    /** Parses key=value and key="quoted, value" pairs. */
    static Map<String, String> parse(String params) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = params.length();
        while (i < n) {
            while (i < n && (params.charAt(i) == ',' || Character.isWhitespace(params.charAt(i)))) {
                i++;
            }
            int eq = params.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = params.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            String value;
            if (i < n && params.charAt(i) == '"') {
                int end = params.indexOf('"', i + 1);
                if (end < 0) {
                    end = n;
                }
                value = params.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = params.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                value = params.substring(i, end).trim();
                i = end;
            }
            out.put(key, value);
        }
        return out;
    }

    private static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
