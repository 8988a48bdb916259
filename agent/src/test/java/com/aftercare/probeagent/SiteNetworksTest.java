package com.aftercare.probeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;

/** The agent reaches only its site's networks, and never its own machine, link-local or metadata addresses. */
class SiteNetworksTest {

    @Test
    void addressesInsideTheSiteNetworksAreAllowedOthersRefused() throws Exception {
        SiteNetworks guard = SiteNetworks.of(List.of("10.20.0.0/16", "192.168.1.7"), false);

        assertThat(guard.resolve("10.20.255.1", 554).getHostAddress()).isEqualTo("10.20.255.1");
        assertThat(guard.resolve("192.168.1.7", 80).getHostAddress()).isEqualTo("192.168.1.7");
        assertThatThrownBy(() -> guard.resolve("10.21.0.1", 554)).isInstanceOf(AddressGuard.RefusedTarget.class)
                .hasMessage("address not allowed");
        assertThatThrownBy(() -> guard.resolve("192.168.1.8", 80)).isInstanceOf(AddressGuard.RefusedTarget.class);
    }

    @Test
    void aPrefixThatIsNotAByteBoundaryMatchesExactlyItsBits() throws Exception {
        SiteNetworks guard = SiteNetworks.of(List.of("10.0.0.0/21"), false);

        assertThat(guard.resolve("10.0.7.255", 80)).isNotNull();
        assertThatThrownBy(() -> guard.resolve("10.0.8.0", 80)).isInstanceOf(AddressGuard.RefusedTarget.class);
    }

    @Test
    void aPortRangeLimitsTheEntry() throws Exception {
        SiteNetworks guard = SiteNetworks.of(List.of("10.0.0.0/24:8000-8100"), false);

        assertThat(guard.resolve("10.0.0.9", 8000)).isNotNull();
        assertThat(guard.resolve("10.0.0.9", 8100)).isNotNull();
        assertThatThrownBy(() -> guard.resolve("10.0.0.9", 554)).isInstanceOf(AddressGuard.RefusedTarget.class);
    }

    @Test
    void loopbackLinkLocalAndMetadataAreRefusedEvenWhenAnEntryCoversThem() {
        SiteNetworks guard = SiteNetworks.of(List.of("0.0.0.0/0", "::/0"), false);

        for (String host : List.of("127.0.0.1", "::1", "169.254.169.254", "169.254.1.1", "100.100.100.200", "0.0.0.0",
                "fe80::1", "224.0.0.1")) {
            assertThatThrownBy(() -> guard.resolve(host, 80)).as(host).isInstanceOf(AddressGuard.RefusedTarget.class);
        }
    }

    @Test
    void loopbackOnlyWithTheTestFlagAndOnlyWhenListed() throws Exception {
        assertThat(SiteNetworks.of(List.of("127.0.0.1/32"), true).resolve("127.0.0.1", 40000)).isNotNull();
        assertThatThrownBy(() -> SiteNetworks.of(List.of("10.0.0.0/8"), true).resolve("127.0.0.1", 40000))
                .isInstanceOf(AddressGuard.RefusedTarget.class);
    }

    @Test
    void noNetworksAllowNothingAndGarbageEntriesAllowNothing() {
        assertThatThrownBy(() -> SiteNetworks.of(List.of(), false).resolve("10.0.0.1", 80))
                .isInstanceOf(AddressGuard.RefusedTarget.class);
        assertThatThrownBy(() -> SiteNetworks.of(List.of("10.0.0.0/99", "10.0.0.0/8:0", "[fd00::"), false).resolve("10.0.0.1", 80))
                .isInstanceOf(AddressGuard.RefusedTarget.class);
    }
}
