package com.aftercare.probes;

import java.util.List;

/**
 * Everything needed to verify one device, as the server hands it to its own worker or to a site's
 * probe agent: the device, the checks its policy asks for, and the networks of its site (CIDR or host
 * entries, the site's probe allow-list) that the prober may reach.
 */
public record ProbeJob(DeviceEndpoint device, List<CheckRequest> checks, List<String> siteNetworks) {

    public ProbeJob {
        checks = checks == null ? List.of() : List.copyOf(checks);
        siteNetworks = siteNetworks == null ? List.of() : List.copyOf(siteNetworks);
    }
}
