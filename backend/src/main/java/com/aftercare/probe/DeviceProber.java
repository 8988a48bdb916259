package com.aftercare.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.outbound.TargetRefusedException;
import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;
import com.aftercare.probes.ProbeRunner;
import com.aftercare.probes.Timeouts;

/**
 * The server's own prober: runs a {@link ProbeJob} with the checks of the probes module, every
 * address resolved by {@link OutboundTargets} (the outbound rule plus the site's allow-list) and
 * connected to exactly as checked. What a check records is a classification ("connected",
 * "connection refused", "timeout", "HTTP 503", "address not allowed"), never an exception text or
 * anything the target sent: a probe aimed at an internal service must not become a way to read it.
 */
@Component
public class DeviceProber {

    /** What to probe with the TCP and HTTP checks; allowList is the site's probe allow-list (null: none). */
    public record Target(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure, String allowList) {

        public Target(String host, List<Integer> tcpPorts, String httpUrl, boolean tlsInsecure) {
            this(host, tcpPorts, httpUrl, tlsInsecure, null);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DeviceProber.class);

    private final OutboundTargets targets;
    private final ProbeRunner runner;

    DeviceProber(@Value("${aftercare.probe.connect-timeout:3s}") Duration connectTimeout,
            @Value("${aftercare.probe.http-timeout:5s}") Duration httpTimeout, OutboundTargets targets) {
        this.targets = targets;
        this.runner = new ProbeRunner(new Timeouts(connectTimeout, httpTimeout, httpTimeout));
    }

    /** Runs a job's checks from this server; allowList is the site's probe allow-list text (null: none). */
    public List<CheckOutcome> run(ProbeJob job, String allowList) {
        return runner.run(job, guard(allowList(allowList)));
    }

    /** The TCP and HTTP checks of a target, as the product ran them before verification policies. */
    public List<ProbeCheck> probe(Target target) {
        List<CheckRequest> checks = new ArrayList<>();
        if (!target.tcpPorts().isEmpty()) {
            checks.add(CheckRequest.of(CheckKind.TCP));
        }
        if (target.httpUrl() != null && !target.httpUrl().isBlank()) {
            checks.add(CheckRequest.of(CheckKind.HTTP));
        }
        ProbeJob job = new ProbeJob(DeviceEndpoint.basic(target.host(), target.tcpPorts(), target.httpUrl(), target.tlsInsecure()),
                checks, List.of());
        return run(job, target.allowList()).stream().map(ProbeCheck::of).toList();
    }

    ProbeCheck tcp(String host, int port) {
        return ProbeCheck.of(runner.run(new ProbeJob(DeviceEndpoint.basic(host, List.of(port), null, false),
                List.of(new CheckRequest(CheckKind.TCP, Map.of("port", String.valueOf(port)))), List.of()), guard(AllowList.NONE)).get(0));
    }

    ProbeCheck http(String url, boolean tlsInsecure) {
        return ProbeCheck.of(runner.run(new ProbeJob(DeviceEndpoint.basic(null, List.of(), url, tlsInsecure),
                List.of(CheckRequest.of(CheckKind.HTTP)), List.of()), guard(AllowList.NONE)).get(0));
    }

    private AddressGuard guard(AllowList allowList) {
        return (host, port) -> {
            try {
                return targets.resolve(host, port, allowList);
            } catch (TargetRefusedException e) {
                log.warn("Probe not made: {}", e.reason());
                throw new AddressGuard.RefusedTarget(e.getMessage());
            }
        };
    }

    /** A stored allow-list that no longer parses (edited behind the API's back) allows nothing extra. */
    private static AllowList allowList(String text) {
        try {
            return AllowList.of(text);
        } catch (BadRequestException e) {
            return AllowList.NONE;
        }
    }
}
