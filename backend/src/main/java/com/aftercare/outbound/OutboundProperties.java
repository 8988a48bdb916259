package com.aftercare.outbound;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * aftercare.outbound.*: server-wide exceptions to the outbound address rule.
 *
 * @param allow allow-list entries (see {@link AllowList}) that hold for every site and contract; empty by
 *              default. The demo profile allows loopback for its demo devices, the test profile loopback
 *              ephemeral ports for the tests' local receivers.
 */
@ConfigurationProperties("aftercare.outbound")
public record OutboundProperties(List<String> allow) {

    public OutboundProperties {
        allow = allow == null ? List.of() : List.copyOf(allow);
    }
}
