package com.aftercare.probe;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.outbound.TargetRefusedException;
import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.ProbeJob;
import com.aftercare.probes.ProbeRunner;
import com.aftercare.probes.Timeouts;

/**
 * The server's own prober: runs a {@link ProbeJob} with the checks of the probes module, every address resolved by
 * {@link OutboundTargets#resolveProbe} (the server-wide allow-list, then the site's networks; loopback, link-local and
 * metadata addresses never through a site's list, ADR 0031) and connected to exactly as checked. What a check records
 * is a classification ("connected", "HTTP 503", "address not allowed"), never an exception text or anything the target
 * sent: a probe aimed at an internal service must not become a way to read it.
 */
@Component
public class DeviceProber {

    private static final Logger log = LoggerFactory.getLogger(DeviceProber.class);

    private final OutboundTargets targets;
    private final ProbeRunner runner;

    DeviceProber(@Value("${aftercare.probe.connect-timeout:3s}") Duration connectTimeout,
            @Value("${aftercare.probe.http-timeout:5s}") Duration httpTimeout,
            @Value("${aftercare.probe.media-timeout:5s}") Duration mediaTimeout, OutboundTargets targets) {
        this.targets = targets;
        this.runner = new ProbeRunner(new Timeouts(connectTimeout, httpTimeout, mediaTimeout));
    }

    /** Runs a job's checks from this server; siteNetworks is the site's probe allow-list text (null: none). */
    public List<CheckOutcome> run(ProbeJob job, String siteNetworks) {
        return runner.run(job, guard(siteNetworks(siteNetworks)));
    }

    /** The address guard of a site, for checks run from this server. */
    AddressGuard guard(AllowList siteNetworks) {
        return (host, port) -> {
            try {
                return targets.resolveProbe(host, port, siteNetworks);
            } catch (TargetRefusedException e) {
                log.warn("Probe not made: {}", e.reason());
                throw new AddressGuard.RefusedTarget(e.getMessage());
            }
        };
    }

    /** A stored list that no longer parses (edited behind the API's back) allows nothing: the site then has no networks. */
    private static AllowList siteNetworks(String text) {
        try {
            return AllowList.of(text);
        } catch (BadRequestException e) {
            return AllowList.NONE;
        }
    }
}
