package com.aftercare.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Talks to a device: TCP connect to each configured port, HTTP(S) GET on the configured URL.
 * 2xx, 3xx and 401 count as alive (cameras often answer 401 without credentials); 404 or 5xx do not.
 * Plain code with no engine types, so a standalone probe agent can reuse it.
 */
@Component
public class DeviceProber {

    public record Target(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure) {
    }

    private final Duration connectTimeout;
    private final Duration httpTimeout;

    DeviceProber(@Value("${aftercare.probe.connect-timeout:3s}") Duration connectTimeout,
            @Value("${aftercare.probe.http-timeout:5s}") Duration httpTimeout) {
        this.connectTimeout = connectTimeout;
        this.httpTimeout = httpTimeout;
    }

    public List<ProbeCheck> probe(Target target) {
        List<ProbeCheck> checks = new ArrayList<>();
        for (Integer port : target.tcpPorts()) {
            checks.add(tcp(target.host(), port));
        }
        if (target.httpUrl() != null && !target.httpUrl().isBlank()) {
            checks.add(http(target.httpUrl(), target.tlsInsecure()));
        }
        return checks;
    }

    ProbeCheck tcp(String host, int port) {
        String where = host + ":" + port;
        long start = System.nanoTime();
        if (host == null || host.isBlank()) {
            return new ProbeCheck("TCP", "?:" + port, false, "device has no IP address", 0);
        }
        String refused = refusedAddress(host);
        if (refused != null) {
            return new ProbeCheck("TCP", where, false, refused, 0);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return new ProbeCheck("TCP", where, true, "connected", millisSince(start));
        } catch (IOException e) {
            return new ProbeCheck("TCP", where, false, describe(e), millisSince(start));
        }
    }

    ProbeCheck http(String url, boolean tlsInsecure) {
        long start = System.nanoTime();
        try {
            String refused = refusedAddress(URI.create(url).getHost());
            if (refused != null) {
                return new ProbeCheck("HTTP", url, false, refused, 0);
            }
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (tlsInsecure) {
                // per-device opt-in: many NVRs and cameras only have self-signed certificates
                builder.sslContext(trustAll());
                SSLParameters params = new SSLParameters();
                params.setEndpointIdentificationAlgorithm(null);
                builder.sslParameters(params);
            }
            HttpClient client = builder.build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(httpTimeout).GET().build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean alive = (status >= 200 && status < 400) || status == 401;
            return new ProbeCheck("HTTP", url, alive, "HTTP " + status, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeCheck("HTTP", url, false, "interrupted", millisSince(start));
        } catch (IOException | IllegalArgumentException e) {
            return new ProbeCheck("HTTP", url, false, describe(e), millisSince(start));
        }
    }

    /**
     * Devices live on customer LANs (private ranges, and loopback for local agents), but never on
     * link-local (cloud metadata), wildcard or multicast addresses: those are refused, not probed.
     */
    static String refusedAddress(String host) {
        if (host == null || host.isBlank()) {
            return "no host";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    return "address " + address.getHostAddress() + " is not a device address (link-local, wildcard or multicast)";
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot resolve " + host;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = e.getClass().getSimpleName() + message;
        return text.length() > 900 ? text.substring(0, 900) : text;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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
}
