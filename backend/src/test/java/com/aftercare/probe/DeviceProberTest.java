package com.aftercare.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.support.FakeDevice;

/** The probe against real sockets on loopback: up, down, HTTP errors. */
class DeviceProberTest {

    private final DeviceProber prober = new DeviceProber(Duration.ofSeconds(2), Duration.ofSeconds(3));

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
    void deviceWithoutAddressFailsClearly() {
        assertThat(prober.tcp(null, 80).ok()).isFalse();
        assertThat(prober.tcp(null, 80).detail()).isEqualTo("device has no IP address");
    }
}
