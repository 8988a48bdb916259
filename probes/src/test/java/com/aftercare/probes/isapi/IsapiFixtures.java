package com.aftercare.probes.isapi;

import java.time.Duration;

import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/** Devices pointing at an {@link IsapiTestServer}. */
final class IsapiFixtures {

    /** Long enough not to flake on a loaded build machine; the one test of a silent recorder waits the 3 s read. */
    static final Timeouts FAST = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2));

    private IsapiFixtures() {
    }

    static DeviceEndpoint nvr(String isapiUrl, String user, String password) {
        return new DeviceEndpoint("127.0.0.1", null, null, false, user, password, null, null, isapiUrl, null, null, null);
    }

    static DeviceEndpoint nvr(IsapiTestServer server) {
        return nvr(server.baseUrl(), IsapiTestServer.USER, IsapiTestServer.PASSWORD);
    }

    /** A camera recorded on channel {@code channel} of the server's NVR; the camera's own account is not used by ISAPI checks. */
    static DeviceEndpoint camera(IsapiTestServer server, Integer channel) {
        return new DeviceEndpoint("192.0.2.64", null, null, false, "admin", "camera-pass", "rtsp://192.0.2.64:554/Streaming/Channels/101",
                null, null, channel, nvr(server), null);
    }
}
