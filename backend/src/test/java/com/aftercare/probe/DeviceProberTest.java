package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.outbound.OutboundProperties;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.support.FakeDevice;

/** The probe against real sockets on loopback: up, down, HTTP errors. */
class DeviceProberTest {

    /** As in the test profile: loopback only on the ports the OS hands out to the test's fake devices. */
    private final DeviceProber prober = new DeviceProber(Duration.ofSeconds(2), Duration.ofSeconds(3),
            new OutboundTargets(new OutboundProperties(List.of("127.0.0.1/32:32768-65535"))));

    @Test
    void workingDevicePassesTcpAndHttp() {
        try (FakeDevice device = new FakeDevice()) {
            List<ProbeCheck> checks = prober.probe(new DeviceProber.Target("127.0.0.1", List.of(device.port()), device.url(), false));
            assertThat(checks).extracting(ProbeCheck::kind).containsExactly("TCP", "HTTP");
            assertThat(checks).allMatch(ProbeCheck::ok);
            assertThat(checks.get(1).detail()).isEqualTo("HTTP 200");
        }
    }

    @Test
    void deviceThatIsDownFailsBothChecks() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<ProbeCheck> checks = prober.probe(new DeviceProber.Target("127.0.0.1", List.of(closedPort),
                "http://127.0.0.1:" + closedPort + "/", false));
        assertThat(checks).noneMatch(ProbeCheck::ok);
        assertThat(checks.get(0).detail()).containsIgnoringCase("refused");
    }

    @Test
    void metadataAndWildcardAddressesAreRefusedNotProbed() {
        ProbeCheck metadata = prober.http("http://169.254.169.254/latest/meta-data/", false);
        assertThat(metadata.ok()).isFalse();
        assertThat(metadata.detail()).isEqualTo("address not allowed");
        assertThat(prober.tcp("0.0.0.0", 80).detail()).isEqualTo("address not allowed");
        assertThat(prober.tcp("192.168.1.64", 80).detail()).as("a LAN address needs the site's allow-list").isEqualTo("address not allowed");
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
            assertThat(prober.http(base + "/missing", false).ok()).isFalse();
            assertThat(prober.http(base + "/login", false).ok()).as("401: alive, wants credentials").isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void deviceWithoutAddressFailsClearly() {
        assertThat(prober.tcp(null, 80).ok()).isFalse();
        assertThat(prober.tcp(null, 80).detail()).isEqualTo("device has no IP address");
    }
}
