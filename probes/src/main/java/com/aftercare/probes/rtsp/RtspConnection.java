package com.aftercare.probes.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.aftercare.probes.CheckReason;
import com.aftercare.probes.net.DigestAuth;

/**
 * One RTSP/1.0 control connection (RFC 2326) on an already connected socket, with RTP interleaved on
 * the same connection (section 10.12). It numbers requests (CSeq), keeps the session id, answers a
 * 401 once with Digest (preferred) or Basic and keeps authenticating every later request, and skips
 * interleaved frames and requests from the server while it waits for an answer. Answers are capped
 * so a device cannot make the prober read without end.
 */
final class RtspConnection {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADERS = 100;
    static final int MAX_BODY = 64 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String username;
    private final String password;
    private int cseq;
    private String session;
    private DigestAuth digest;
    private String basic;

    /** The interleaved channel carrying video RTP (the server may choose another than the one asked for). */
    private int rtpChannel = 0;
    private int rtpPackets;
    private int badPackets;

    RtspConnection(Socket socket, String username, String password) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.username = username;
        this.password = password;
    }

    void rtpChannel(int channel) {
        this.rtpChannel = channel;
    }

    int rtpPackets() {
        return rtpPackets;
    }

    int badPackets() {
        return badPackets;
    }

    String session() {
        return session;
    }

    /** Sends a request and returns its answer; a 401 is answered once with the credentials, a second one is AUTH_FAILED. */
    RtspResponse request(String method, String url, Map<String, String> headers, Duration timeout) throws RtspFailure {
        RtspResponse response = exchange(method, url, headers, timeout);
        if (response.status() != 401) {
            return response;
        }
        if (username == null || username.isEmpty()) {
            throw new RtspFailure(CheckReason.NOT_CONFIGURED, "missing: username (RTSP " + method + " asks for credentials)");
        }
        if (!answer(response.all("WWW-Authenticate"))) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "RTSP 401 without a Basic or Digest challenge");
        }
        response = exchange(method, url, headers, timeout);
        if (response.status() == 401) {
            throw new RtspFailure(CheckReason.AUTH_FAILED, "RTSP 401 for " + method + " with the configured credentials");
        }
        return response;
    }

    /** Reads interleaved frames until one valid RTP packet arrives on the video channel; false when the time runs out. */
    boolean awaitRtp(Duration limit) throws RtspFailure {
        long deadline = System.nanoTime() + limit.toNanos();
        int seen = rtpPackets;
        try {
            while (rtpPackets == seen) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) left);
                readMessage(false);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (NotRtsp e) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "neither RTP nor RTSP on the stream connection");
        } catch (EOFException e) {
            throw new RtspFailure(CheckReason.NO_MEDIA, "the device closed the stream before any RTP packet");
        } catch (IOException e) {
            throw new RtspFailure(CheckReason.NO_MEDIA, "the stream broke off before any RTP packet");
        }
    }

    private boolean answer(List<String> challenges) {
        for (String challenge : challenges) { // Digest first: it never sends the password
            DigestAuth d = DigestAuth.of(challenge, username, password == null ? "" : password);
            if (d != null) {
                digest = d;
                basic = null;
                return true;
            }
        }
        for (String challenge : challenges) {
            if (challenge.trim().regionMatches(true, 0, "Basic", 0, 5)) {
                basic = DigestAuth.basic(username, password == null ? "" : password);
                digest = null;
                return true;
            }
        }
        return false;
    }

    private RtspResponse exchange(String method, String url, Map<String, String> headers, Duration timeout) throws RtspFailure {
        int sent;
        // one deadline for the whole answer: a device that keeps streaming but never answers (TEARDOWN) must not hold the check
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            out.write(head(method, url, headers).getBytes(StandardCharsets.UTF_8));
            out.flush();
            sent = cseq;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                socket.setSoTimeout((int) left);
                RtspResponse response = readMessage(true);
                if (response == null) {
                    continue; // a frame or a request from the server
                }
                String answered = response.header("CSeq");
                if (answered != null && !answered.trim().equals(String.valueOf(sent))) {
                    continue; // a late answer to an earlier request
                }
                String id = response.header("Session");
                if (id != null && session == null) {
                    session = id.split(";")[0].trim();
                }
                return response;
            }
        } catch (SocketTimeoutException e) {
            throw new RtspFailure(CheckReason.TIMEOUT, "no answer to " + method + " within " + timeout.toMillis() + " ms");
        } catch (EOFException e) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "the device closed the connection during " + method);
        } catch (NotRtsp e) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "not an RTSP answer to " + method);
        } catch (IOException e) {
            throw new RtspFailure(CheckReason.PROTOCOL_ERROR, "the connection broke during " + method);
        }
    }

    private String head(String method, String url, Map<String, String> headers) {
        StringBuilder h = new StringBuilder(method).append(' ').append(url).append(" RTSP/1.0\r\n");
        h.append("CSeq: ").append(++cseq).append("\r\n");
        h.append("User-Agent: aftercare-probe\r\n");
        if (digest != null) {
            h.append("Authorization: ").append(digest.authorization(method, url)).append("\r\n");
        } else if (basic != null) {
            h.append("Authorization: ").append(basic).append("\r\n");
        }
        if (session != null) {
            h.append("Session: ").append(session).append("\r\n");
        }
        headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        return h.append("\r\n").toString();
    }

    /** Not an RTSP message where one was expected. */
    private static final class NotRtsp extends IOException {
    }

    /**
     * Reads one message: an interleaved frame (counted, returns null), a request from the server
     * (skipped, returns null) or an answer (returned when wanted, else skipped).
     */
    private RtspResponse readMessage(boolean wantAnswer) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException();
        }
        if (first == '$') {
            int channel = readByte();
            int length = (readByte() << 8) | readByte();
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException();
            }
            if (channel == rtpChannel) {
                // RTP fixed header: 12 bytes, version 2 in the top two bits (RFC 3550 5.1)
                if (length >= 12 && ((payload[0] & 0xff) >> 6) == 2) {
                    rtpPackets++;
                } else {
                    badPackets++;
                }
            }
            return null;
        }
        if (first == '\r' || first == '\n') {
            return null; // stray line ends between messages
        }
        String start = (char) first + line();
        if (start.startsWith("RTSP/")) {
            String[] parts = start.split(" ", 3);
            int status;
            try {
                status = parts.length >= 2 && parts[1].length() == 3 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                status = -1;
            }
            if (status < 100) {
                throw new NotRtsp();
            }
            Map<String, List<String>> headers = headers();
            byte[] body = body(headers);
            return wantAnswer ? new RtspResponse(status, headers, body) : null;
        }
        if (start.endsWith(" RTSP/1.0")) { // a request from the server (GET_PARAMETER, ANNOUNCE): read past it
            body(headers());
            return null;
        }
        throw new NotRtsp();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private Map<String, List<String>> headers() throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            if (++count > MAX_HEADERS) {
                throw new NotRtsp();
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length == null || length.isEmpty()) {
            return new byte[0];
        }
        int n;
        try {
            n = Integer.parseInt(length.get(0).trim());
        } catch (NumberFormatException e) {
            throw new NotRtsp();
        }
        if (n < 0 || n > MAX_BODY) {
            throw new NotRtsp();
        }
        byte[] body = in.readNBytes(n);
        if (body.length < n) {
            throw new EOFException();
        }
        return body;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException();
            }
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new NotRtsp();
            }
            line.write(c);
        }
    }
}
