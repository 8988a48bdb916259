package com.aftercare.probes.rtsp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real RTSP/1.0 server for the tests, shaped after what Hikvision and Axis cameras answer:
 * OPTIONS, DESCRIBE with an SDP (H.264 video and G.711 audio), SETUP with RTP over TCP interleaved,
 * PLAY, then RTP packets every 40 ms on channel 0, and TEARDOWN. It checks Digest authentication
 * itself (RFC 2617: it computes the response it expects from user, realm, nonce, method and URI)
 * or Basic. Behaviours make it fail the ways real devices do.
 */
public final class TestRtspServer implements AutoCloseable {

    public enum Auth {
        NONE, BASIC, DIGEST,
        /** Digest with qop="auth" and opaque, whose nonce goes stale at SETUP (the client must answer the new challenge) */
        DIGEST_QOP_STALE
    }

    public enum Behaviour {
        /** streams RTP after PLAY */
        STREAM,
        /** answers PLAY but never sends a packet (encoder hung, channel without signal) */
        SILENT,
        /** answers PLAY with 454 Session Not Found */
        SESSION_NOT_FOUND,
        /** reads DESCRIBE and never answers */
        NO_ANSWER_TO_DESCRIBE,
        /** answers like a web server, not RTSP */
        HTTP_INSTEAD,
        /** streams packets on channel 0 that are not RTP version 2 */
        BAD_RTP,
        /** an SDP with audio only */
        NO_VIDEO,
        /** streams, and keeps streaming without an answer when told TEARDOWN */
        IGNORES_TEARDOWN
    }

    static final String REALM = "IP Camera(C6651)";
    static final String NONCE = "3d9b8e6f1c2a4b7d9e0f1a2b3c4d5e6f";
    static final String FRESH_NONCE = "7a1c5e9b2d4f6a8c0e1b3d5f7a9c1e3b";
    static final String OPAQUE = "5ccc069c403ebaf9f0171e9517f40e41";

    private final ServerSocket server;
    private final Auth auth;
    private final Behaviour behaviour;
    private final String user;
    private final String password;
    /** Axis style: Content-Base and relative a=control lines; else Hikvision style absolute controls. */
    private final boolean relativeControls;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> transports = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile String nonce = NONCE;
    private volatile int lastNc;

    public TestRtspServer(Auth auth, Behaviour behaviour, String user, String password, boolean relativeControls) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.auth = auth;
        this.behaviour = behaviour;
        this.user = user;
        this.password = password;
        this.relativeControls = relativeControls;
        Thread acceptor = new Thread(this::accept, "test-rtsp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return relativeControls ? "rtsp://127.0.0.1:" + port() + "/axis-media/media.amp"
                : "rtsp://127.0.0.1:" + port() + "/Streaming/Channels/101";
    }

    /** "METHOD url" of each request in order. */
    public List<String> methods() {
        return requests.stream().map(r -> r.split(" ")[0]).toList();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "test-rtsp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String session = "1185413718";
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue;
                }
                Map<String, String> headers = new LinkedHashMap<>();
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String uri = parts[1];
                requests.add(method + " " + uri);
                String cseq = headers.getOrDefault("cseq", "0");
                if (behaviour == Behaviour.HTTP_INSTEAD) {
                    write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                    return;
                }
                if (auth == Auth.DIGEST_QOP_STALE && method.equals("SETUP") && nonce.equals(NONCE)) {
                    nonce = FRESH_NONCE; // the nonce expires between DESCRIBE and SETUP
                    write(out, "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq + "\r\nWWW-Authenticate: Digest realm=\"" + REALM
                            + "\", nonce=\"" + nonce + "\", qop=\"auth\", opaque=\"" + OPAQUE + "\", algorithm=MD5, stale=TRUE\r\n\r\n");
                    continue;
                }
                if (!method.equals("OPTIONS") && auth != Auth.NONE && !authorized(method, uri, headers.get("authorization"))) {
                    String challenge = auth == Auth.DIGEST_QOP_STALE
                            ? "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + nonce + "\", qop=\"auth\", opaque=\""
                                    + OPAQUE + "\", algorithm=MD5\r\n"
                            : auth == Auth.DIGEST
                            ? "WWW-Authenticate: Digest realm=\"" + REALM + "\", nonce=\"" + NONCE + "\", stale=\"FALSE\"\r\n"
                                    + "WWW-Authenticate: Basic realm=\"" + REALM + "\"\r\n"
                            : "WWW-Authenticate: Basic realm=\"AXIS_ACCC8E000000\"\r\n";
                    write(out, "RTSP/1.0 401 Unauthorized\r\nCSeq: " + cseq + "\r\n" + challenge + "\r\n");
                    continue;
                }
                switch (method) {
                    case "OPTIONS" -> write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq
                            + "\r\nPublic: OPTIONS, DESCRIBE, PLAY, PAUSE, SETUP, TEARDOWN, SET_PARAMETER, GET_PARAMETER\r\n\r\n");
                    case "DESCRIBE" -> {
                        if (behaviour == Behaviour.NO_ANSWER_TO_DESCRIBE) {
                            continue;
                        }
                        byte[] sdp = sdp().getBytes(StandardCharsets.UTF_8);
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nContent-Type: application/sdp\r\n"
                                + (relativeControls ? "Content-Base: " + url() + "/\r\n" : "")
                                + "Content-Length: " + sdp.length + "\r\n\r\n");
                        synchronized (out) {
                            out.write(sdp);
                            out.flush();
                        }
                    }
                    case "SETUP" -> {
                        transports.add(headers.getOrDefault("transport", ""));
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: " + session + ";timeout=60\r\n"
                                + "Transport: RTP/AVP/TCP;unicast;interleaved=0-1;ssrc=2b1ca2e7;mode=\"play\"\r\n\r\n");
                    }
                    case "PLAY" -> {
                        if (behaviour == Behaviour.SESSION_NOT_FOUND) {
                            write(out, "RTSP/1.0 454 Session Not Found\r\nCSeq: " + cseq + "\r\n\r\n");
                            continue;
                        }
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: " + session + "\r\n"
                                + "RTP-Info: url=" + uri + ";seq=1;rtptime=0\r\n\r\n");
                        if (behaviour == Behaviour.STREAM || behaviour == Behaviour.BAD_RTP
                                || behaviour == Behaviour.IGNORES_TEARDOWN) {
                            Thread streamer = new Thread(() -> stream(out, behaviour == Behaviour.BAD_RTP), "test-rtp");
                            streamer.setDaemon(true);
                            streamer.start();
                        }
                    }
                    case "TEARDOWN" -> {
                        if (behaviour == Behaviour.IGNORES_TEARDOWN) {
                            continue;
                        }
                        write(out, "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\nSession: " + session + "\r\n\r\n");
                        return;
                    }
                    default -> write(out, "RTSP/1.0 501 Not Implemented\r\nCSeq: " + cseq + "\r\n\r\n");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private String sdp() {
        String base = url();
        String session = relativeControls ? "*" : base + "/";
        String video = relativeControls ? "trackID=1" : base + "/trackID=1";
        String audio = relativeControls ? "trackID=2" : base + "/trackID=2";
        StringBuilder s = new StringBuilder("v=0\r\n")
                .append("o=- 1109162014219182 1109162014219192 IN IP4 127.0.0.1\r\n")
                .append("s=Media Presentation\r\ne=NONE\r\nb=AS:5100\r\nt=0 0\r\n")
                .append("a=control:").append(session).append("\r\n");
        if (behaviour != Behaviour.NO_VIDEO) {
            s.append("m=video 0 RTP/AVP 96\r\nc=IN IP4 0.0.0.0\r\nb=AS:5000\r\na=recvonly\r\na=x-dimensions:1920,1080\r\n")
                    .append("a=control:").append(video).append("\r\n")
                    .append("a=rtpmap:96 H264/90000\r\n")
                    .append("a=fmtp:96 profile-level-id=420029; packetization-mode=1; ")
                    .append("sprop-parameter-sets=Z00AKpWoHgCJ+WEAAAMD6AAA6mBC,aO48gA==\r\n");
        }
        s.append("m=audio 0 RTP/AVP 8\r\nc=IN IP4 0.0.0.0\r\nb=AS:50\r\na=recvonly\r\n")
                .append("a=control:").append(audio).append("\r\n")
                .append("a=rtpmap:8 PCMA/8000\r\na=Media_header:MEDIAINFO=494D4B48010200000400000111710110401F000000FA000000000000000000000000000000000000;\r\n")
                .append("a=appversion:1.0\r\n");
        return s.toString();
    }

    private void stream(OutputStream out, boolean broken) {
        try {
            for (int seq = 1; seq < 500 && !closed; seq++) {
                byte[] rtp = new byte[12 + 5];
                rtp[0] = (byte) (broken ? 0x00 : 0x80); // V=2, no padding, no extension, no CSRC
                rtp[1] = (byte) 0x60; // PT 96
                rtp[2] = (byte) (seq >> 8);
                rtp[3] = (byte) seq;
                int ts = seq * 3600;
                rtp[4] = (byte) (ts >> 24);
                rtp[5] = (byte) (ts >> 16);
                rtp[6] = (byte) (ts >> 8);
                rtp[7] = (byte) ts;
                rtp[8] = 0x2b;
                rtp[9] = 0x1c;
                rtp[10] = (byte) 0xa2;
                rtp[11] = (byte) 0xe7;
                rtp[12] = 0x65; // an IDR slice NAL header, then a few bytes
                synchronized (out) {
                    out.write(new byte[] { '$', 0, 0, (byte) rtp.length });
                    out.write(rtp);
                    out.flush();
                }
                Thread.sleep(40);
            }
        } catch (IOException | InterruptedException e) {
            // client closed
        }
    }

    private boolean authorized(String method, String uri, String header) {
        if (header == null) {
            return false;
        }
        authorizations.add(header);
        if (auth == Auth.BASIC) {
            return header.equals("Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (!header.startsWith("Digest ")) {
            return false;
        }
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))").matcher(header.substring(7));
        while (m.find()) {
            p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        if (!user.equals(p.get("username")) || !REALM.equals(p.get("realm")) || !nonce.equals(p.get("nonce"))
                || !uri.equals(p.get("uri"))) {
            return false;
        }
        String ha1 = md5(user + ":" + REALM + ":" + password);
        String ha2 = md5(method + ":" + uri);
        if (auth == Auth.DIGEST_QOP_STALE) {
            // RFC 7616: response = H(HA1:nonce:nc:cnonce:qop:HA2), the nonce count rising, the opaque echoed
            if (!"auth".equals(p.get("qop")) || !OPAQUE.equals(p.get("opaque")) || p.get("cnonce") == null || p.get("nc") == null) {
                return false;
            }
            int nc = Integer.parseInt(p.get("nc"), 16);
            if (nc <= lastNc && nonce.equals(NONCE)) {
                return false;
            }
            lastNc = nc;
            return md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2).equals(p.get("response"));
        }
        return md5(ha1 + ":" + nonce + ":" + ha2).equals(p.get("response"));
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        synchronized (out) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    List<String> copyOfRequests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
