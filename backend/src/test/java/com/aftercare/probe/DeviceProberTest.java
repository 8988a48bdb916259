package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aftercare.outbound.OutboundProperties;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;
import com.aftercare.support.FakeDevice;

/**
 * The server's prober against real sockets on loopback: up, down, HTTP errors, and where it may connect (ADR 0031):
 * the server-wide list first, the site's networks next, loopback/link-local/metadata never through a site's list.
 */
class DeviceProberTest {

    /** As in the test profile: loopback only on the ports the OS hands out to the test's fake devices. */
    private final DeviceProber prober = new DeviceProber(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3),
            new OutboundTargets(new OutboundProperties(List.of("127.0.0.1/32:32768-65535"))));

    private List<CheckOutcome> tcpAndHttp(String host, List<Integer> ports, String url, String siteNetworks) {
        java.util.ArrayList<CheckRequest> checks = new java.util.ArrayList<>();
        if (!ports.isEmpty()) {
            checks.add(CheckRequest.of(CheckKind.TCP));
        }
        if (url != null) {
            checks.add(CheckRequest.of(CheckKind.HTTP));
        }
        return prober.run(new ProbeJob(DeviceEndpoint.basic(host, ports, url, false), checks, List.of()), siteNetworks);
    }

    private CheckOutcome tcp(String host, int port, String siteNetworks) {
        return prober.run(new ProbeJob(DeviceEndpoint.basic(host, List.of(port), null, false),
                List.of(new CheckRequest(CheckKind.TCP, Map.of("port", String.valueOf(port)))), List.of()), siteNetworks).get(0);
    }

    @Test
    void workingDevicePassesTcpAndHttp() {
        try (FakeDevice device = new FakeDevice()) {
            List<CheckOutcome> checks = tcpAndHttp("127.0.0.1", List.of(device.port()), device.url(), null);
            assertThat(checks).extracting(CheckOutcome::kind).containsExactly(CheckKind.TCP, CheckKind.HTTP);
            assertThat(checks).allMatch(CheckOutcome::ok);
            assertThat(checks.get(1).detail()).isEqualTo("HTTP 200");
        }
    }

    @Test
    void deviceThatIsDownFailsBothChecks() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<CheckOutcome> checks = tcpAndHttp("127.0.0.1", List.of(closedPort), "http://127.0.0.1:" + closedPort + "/", null);
        assertThat(checks).noneMatch(CheckOutcome::ok);
        assertThat(checks.get(0).reason()).isEqualTo(CheckReason.CONNECTION_REFUSED);
    }

    @Test
    void metadataAndWildcardAddressesAreRefusedNotProbed() {
        CheckOutcome metadata = tcpAndHttp(null, List.of(), "http://169.254.169.254/latest/meta-data/", null).get(0);
        assertThat(metadata.ok()).isFalse();
        assertThat(metadata.reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(metadata.detail()).isEqualTo("address not allowed");
        assertThat(tcp("0.0.0.0", 80, null).detail()).isEqualTo("address not allowed");
        assertThat(tcp("192.168.1.64", 80, null).detail()).as("a LAN address needs the site's networks").isEqualTo("address not allowed");
    }

    @Test
    void aSitesNetworksNeverOpenLoopbackLinkLocalOrMetadata() {
        // an admin listing everything for a site still cannot aim the server at itself or a cloud metadata service
        String everything = "0.0.0.0/0, ::/0";
        assertThat(tcp("127.0.0.1", 8080, everything).reason()).as("loopback below the test profile's ports").isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(tcp("169.254.169.254", 80, everything).reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(tcp("100.100.100.200", 80, everything).reason()).as("Alibaba Cloud metadata").isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(tcp("::1", 8080, everything).reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(tcp("fe80::1", 80, everything).reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(tcp("224.0.0.1", 80, everything).reason()).isEqualTo(CheckReason.TARGET_REFUSED);
    }

    @Test
    void aSiteWithNetworksIsLimitedToThem() throws Exception {
        // 192.0.2.x/198.51.100.x are documentation ranges: refused before any connection is attempted
        assertThat(tcp("10.20.1.5", 9, "10.30.0.0/16").detail()).as("a LAN outside the site's networks").isEqualTo("address not allowed");
        assertThat(tcp("8.8.8.8", 9, "10.30.0.0/16").detail()).as("even a public address, once the site names its networks")
                .isEqualTo("address not allowed");
        // inside the site's networks the check is made (here: the port answers nothing within the timeout or refuses)
        assertThat(tcp("10.30.1.5", 9, "10.30.0.0/16").reason()).isNotEqualTo(CheckReason.TARGET_REFUSED);
    }

    @Test
    void notFoundOrServerErrorMeansNotWorking() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/login") ? 401 : 404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            CheckOutcome missing = tcpAndHttp(null, List.of(), base + "/missing", null).get(0);
            assertThat(missing.ok()).isFalse();
            assertThat(missing.reason()).isEqualTo(CheckReason.BAD_STATUS);
            assertThat(tcpAndHttp(null, List.of(), base + "/login", null).get(0).ok()).as("401: alive, wants credentials").isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void deviceWithoutAddressFailsClearly() {
        CheckOutcome noAddress = tcp(null, 80, null);
        assertThat(noAddress.ok()).isFalse();
        assertThat(noAddress.reason()).isEqualTo(CheckReason.NO_ADDRESS);
    }
}
