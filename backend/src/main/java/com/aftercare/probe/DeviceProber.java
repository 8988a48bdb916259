package com.aftercare.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.outbound.PinnedHttp;
import com.aftercare.outbound.TargetRefusedException;
import com.aftercare.outbound.TargetRule;

/**
 * Talks to a device: TCP connect to each configured port, HTTP(S) GET on the configured URL.
 * 2xx, 3xx and 401 count as alive (cameras often answer 401 without credentials); 404 or 5xx do not.
 * Plain code with no engine types, so a standalone probe agent can reuse it.
 *
 * <p>Each check first asks {@link OutboundTargets} for the address (resolved now, every address
 * checked against the outbound rule and the site's allow-list) and connects to exactly that
 * address. What a check records is a classification ("connected", "connection refused",
 * "timeout", "HTTP 503", "address not allowed"), never an exception text or anything the target
 * sent: a probe aimed at an internal service must not become a way to read it.
 */
@Component
public class DeviceProber {

    /** What to probe; allowList is the site's probe allow-list (null: none). */
    public record Target(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure, String allowList) {

        public Target(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure) {
            this(host, tcpPorts, httpUrl, tlsInsecure, null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeviceProber.class);

    private final OutboundTargets targets;
    private final PinnedHttp http;

    DeviceProber(@Value("${aftercare.probe.connect-timeout:3s}") Duration connectTimeout,
            @Value("${aftercare.probe.http-timeout:5s}") Duration httpTimeout, OutboundTargets targets) {
        this.targets = targets;
        this.http = new PinnedHttp(connectTimeout, httpTimeout);
    }

    public List<ProbeCheck> probe(Target target) {
        AllowList allowList = allowList(target.allowList());
        List<ProbeCheck> checks = new ArrayList<>();
        for (Integer port : target.tcpPorts()) {
            checks.add(tcp(target.host(), port, allowList));
        }
        if (target.httpUrl() != null && !target.httpUrl().isBlank()) {
            checks.add(http(target.httpUrl(), target.tlsInsecure(), allowList));
        }
        return checks;
    }

    ProbeCheck tcp(String host, int port) {
        return tcp(host, port, AllowList.NONE);
    }

    ProbeCheck tcp(String host, int port, AllowList allowList) {
        String where = host + ":" + port;
        long start = System.nanoTime();
        if (host == null || host.isBlank()) {
            return new ProbeCheck("TCP", "?:" + port, false, "device has no IP address", 0);
        }
        InetAddress address;
        try {
            address = targets.resolve(host, port, allowList);
        } catch (TargetRefusedException e) {
            log.warn("Probe not made: {}", e.reason());
            return new ProbeCheck("TCP", where, false, e.getMessage(), 0);
        }
        try {
            http.connect(address, port);
            return new ProbeCheck("TCP", where, true, "connected", millisSince(start));
        } catch (PinnedHttp.Failure e) {
            return new ProbeCheck("TCP", where, false, e.getMessage(), millisSince(start));
        }
    }

    ProbeCheck http(String url, boolean tlsInsecure) {
        return http(url, tlsInsecure, AllowList.NONE);
    }

    ProbeCheck http(String url, boolean tlsInsecure, AllowList allowList) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new ProbeCheck("HTTP", url, false, "not a valid URL", 0);
        }
        if (TargetRule.urlProblem(url) != null) {
            return new ProbeCheck("HTTP", url, false, "not a usable URL", 0);
        }
        InetAddress address;
        try {
            address = targets.resolve(uri.getHost(), OutboundTargets.port(uri), allowList);
        } catch (TargetRefusedException e) {
            log.warn("Probe not made: {}", e.reason());
            return new ProbeCheck("HTTP", url, false, e.getMessage(), 0);
        }
        try {
            int status = http.send("GET", uri, address, null, null, tlsInsecure).status();
            boolean alive = (status >= 200 && status < 400) || status == 401;
            return new ProbeCheck("HTTP", url, alive, "HTTP " + status, millisSince(start));
        } catch (PinnedHttp.Failure e) {
            return new ProbeCheck("HTTP", url, false, e.getMessage(), millisSince(start));
        }
    }

    /** A stored allow-list that no longer parses (edited behind the API's back) allows nothing extra. */
    private static AllowList allowList(String text) {
        try {
            return AllowList.of(text);
        } catch (BadRequestException e) {
            return AllowList.NONE;
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
