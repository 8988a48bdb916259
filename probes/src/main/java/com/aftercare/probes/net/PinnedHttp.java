package com.aftercare.probes.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A small HTTP/1.1 client that connects to an address already checked by the caller (the server's outbound rule, or a probe agent's site networks)
 * instead of resolving the host again (the JDK's HttpClient always does its own lookup, which a
 * DNS server could answer differently the second time). TLS still verifies the certificate against
 * the host name and sends it as SNI. One request per connection, no redirects, answers read up to
 * 64 KB. Failures are {@link Failure}s with a short classification that is safe to show a user;
 * the remote body is only ever handed to the caller, never put into an error text.
 */
public final class PinnedHttp {

    public static final int MAX_ANSWER_BYTES = 64 * 1024;
    /** Real devices send a dozen or two header lines; 8 KB each at most (see line()). */
    static final int MAX_HEADER_LINES = 200;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAnswerBytes;

    public PinnedHttp(Duration connectTimeout, Duration readTimeout) {
        this(connectTimeout, readTimeout, MAX_ANSWER_BYTES);
    }

    /**
     * With another cap on the answer read (the rest is cut off): a 128-channel NVR's channel list is larger
     * than the 64 KB that webhooks and health checks need.
     */
    public PinnedHttp(Duration connectTimeout, Duration readTimeout, int maxAnswerBytes) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * One answer. headers holds every response header by lower-case name, each with all its values in
     * order (a device may send WWW-Authenticate twice, Digest and Basic).
     */
    public record Response(int status, String body, Map<String, List<String>> headers) {

        public Response {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public Response(int status, String body) {
            this(status, body, Map.of());
        }

        /** Every value of one header (name in any case); empty when absent. */
        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** Why a request got no HTTP answer, in words a user may read: "timeout", "connection refused", ... */
    public static final class Failure extends IOException {
        private final boolean connectPhase;

        Failure(String shown, boolean connectPhase) {
            super(shown, null);
            this.connectPhase = connectPhase;
        }

        /** True when no connection was made at all (nothing reached the target). */
        public boolean connectPhase() {
            return connectPhase;
        }
    }

    /** Opens a TCP connection to the checked address and closes it again; for TCP probes. */
    public void connect(InetAddress address, int port) throws Failure {
        try (Socket socket = new Socket()) {
            open(socket, address, port);
        } catch (IOException e) {
            throw e instanceof Failure f ? f : new Failure("connection failed", false);
        }
    }

    public Response send(String method, URI uri, InetAddress address, String contentType, byte[] body, boolean tlsInsecure)
            throws Failure {
        return send(method, uri, address, Map.of(), contentType, body, tlsInsecure);
    }

    /**
     * As {@link #send(String, URI, InetAddress, String, byte[], boolean)} with extra request headers
     * (e.g. Authorization for Digest); names and values must not contain CR or LF.
     */
    public Response send(String method, URI uri, InetAddress address, Map<String, String> headers, String contentType,
            byte[] body, boolean tlsInsecure) throws Failure {
        headers = headers == null ? Map.of() : headers;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            // a line break would let a value smuggle another header or request
            if (h.getKey().matches(".*[\\r\\n:].*") || h.getValue().matches("(?s).*[\\r\\n].*")) {
                throw new IllegalArgumentException("header with a line break: " + h.getKey());
            }
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = port(uri);
        Socket plain = new Socket();
        try (Socket closeMe = plain) {
            open(plain, address, port);
            Socket socket = https ? tls(plain, uri.getHost(), port, tlsInsecure) : plain;
            socket.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
            StringBuilder head = new StringBuilder();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            head.append(method).append(' ').append(path).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\n");
            boolean defaultPort = uri.getPort() < 0 || uri.getPort() == (https ? 443 : 80);
            String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
            head.append("Host: ").append(host).append(defaultPort ? "" : ":" + uri.getPort()).append("\r\n");
            head.append("User-Agent: aftercare\r\nAccept: */*\r\nConnection: close\r\n");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream(), maxAnswerBytes);
        } catch (Failure f) {
            throw f;
        } catch (SocketTimeoutException e) {
            throw new Failure("timeout", false);
        } catch (SSLException e) {
            throw new Failure("TLS handshake failed", false);
        } catch (IOException e) {
            throw new Failure("connection failed", false);
        }
    }

    private void open(Socket socket, InetAddress address, int port) throws Failure {
        try {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, connectTimeout.toMillis()));
        } catch (SocketTimeoutException e) {
            throw new Failure("timeout", true);
        } catch (ConnectException e) {
            throw new Failure("connection refused", true);
        } catch (IOException e) {
            throw new Failure("unreachable", true);
        }
    }

    private static Socket tls(Socket plain, String host, int port, boolean insecure) throws IOException {
        SSLSocketFactory factory = insecure ? trustAll().getSocketFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket socket = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters params = socket.getSSLParameters();
        if (!isAddressLiteral(host)) { // SNI carries host names only
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        // per-device opt-in for probes: many NVRs and cameras only have self-signed certificates
        params.setEndpointIdentificationAlgorithm(insecure ? null : "HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }

    private static Response read(InputStream in, int cap) throws IOException {
        String status = line(in);
        if (status == null || !status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new Failure("not an HTTP answer", false);
        }
        int code;
        try {
            code = Integer.parseInt(status.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new Failure("not an HTTP answer", false);
        }
        long length = -1;
        boolean chunked = false;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int lines = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            if (++lines > MAX_HEADER_LINES) { // the headers are kept now: a device must not fill our memory with them
                throw new Failure("not an HTTP answer", false);
            }
            String lower = header.toLowerCase(Locale.ROOT);
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lower.substring(0, colon).trim(), k -> new ArrayList<>()).add(header.substring(colon + 1).trim());
            }
            if (lower.startsWith("content-length:")) {
                try {
                    length = Long.parseLong(lower.substring(15).trim());
                } catch (NumberFormatException e) {
                    throw new Failure("not an HTTP answer", false);
                }
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (String size = line(in); size != null; size = line(in)) {
                int semicolon = size.indexOf(';');
                int n;
                try {
                    n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (n == 0 || !copy(in, body, n, cap)) {
                    break;
                }
                line(in); // the CRLF after each chunk
            }
        } else {
            copy(in, body, length < 0 ? Long.MAX_VALUE : length, cap);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return new Response(code, body.toString(StandardCharsets.UTF_8), headers);
    }

    /** Copies up to n bytes while the body stays under the cap; false once the cap or the end is reached. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long n, int cap) throws IOException {
        byte[] buffer = new byte[8192];
        long left = n;
        while (left > 0) {
            int room = cap - out.size();
            if (room <= 0) {
                return false;
            }
            int read = in.read(buffer, 0, (int) Math.min(Math.min(buffer.length, left), room));
            if (read < 0) {
                return false;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        return true;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > 8192) {
                throw new Failure("not an HTTP answer", false);
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            } }, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("TLS unavailable", e);
        }
    }

    /** The port a URL names, or its scheme's default. */
    public static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isAddressLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.contains(":") || h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
