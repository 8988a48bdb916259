package com.aftercare.probes.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.onvif.TestOnvifDevice.Vendor;

/** ONVIF media against a real HTTP server answering recorded Hikvision and Axis SOAP, checking the UsernameToken digest. */
class OnvifMediaCheckTest {

    static final String USER = "onvif";
    static final String PASSWORD = "Onvif#2026";
    /** generous, so a loaded build machine does not turn a pass into a timeout */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));

    private final OnvifMediaCheck check = new OnvifMediaCheck();

    static DeviceEndpoint camera(String onvifUrl, String user, String password) {
        return new DeviceEndpoint("127.0.0.1", List.of(), null, false, user, password, null, onvifUrl, null, null, null, null);
    }

    private CheckOutcome run(DeviceEndpoint device, AddressGuard guard) {
        return check.run(device, CheckRequest.of(CheckKind.ONVIF_MEDIA), guard, TIMEOUTS);
    }

    private CheckOutcome run(DeviceEndpoint device) {
        return run(device, AddressGuard.anyAddress());
    }

    @Test
    void aCameraThatRefusesTheUsernameTokenWithADigestChallengeIsAskedAgainWithHttpDigest() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.requireDigest = true;

            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, PASSWORD));

            assertThat(outcome.reason()).as(outcome.toString()).isEqualTo(CheckReason.OK);
            assertThat(outcome.detail()).isEqualTo("HIKVISION DS-2DE4425IW-DE firmware V5.6.15 build 200903; 2 profiles; stream URI returned");
            // the token refused once (401 with a challenge), then Digest for that request and every later one
            assertThat(device.calls).containsExactly("/onvif/device_service GetSystemDateAndTime",
                    "/onvif/device_service GetDeviceInformation", "/onvif/device_service GetDeviceInformation",
                    "/onvif/device_service GetCapabilities", "/onvif/Media GetProfiles", "/onvif/Media GetStreamUri");
            assertThat(device.authorizations.subList(0, 2)).containsOnlyNulls();
            assertThat(device.authorizations.subList(2, 6)).allSatisfy(a -> assertThat(a).startsWith("Digest username=\"onvif\"")
                    .contains("realm=\"IP Camera(D4321)\"").doesNotContain(PASSWORD));
            assertThat(device.requestBodies.subList(2, 6)).as("no UsernameToken beside Digest")
                    .allSatisfy(body -> assertThat(body).doesNotContain("UsernameToken"));
            assertThat(device.requestBodies).allSatisfy(body -> assertThat(body).doesNotContain(PASSWORD));
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithDigestTooAndTriedOnlyOnce() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.requireDigest = true;

            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, "wrong-password"));

            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
            assertThat(outcome.detail()).isEqualTo("SOAP fault NotAuthorized for GetDeviceInformation");
            assertThat(device.operations()).containsExactly("GetSystemDateAndTime", "GetDeviceInformation", "GetDeviceInformation");
            assertThat(outcome.toString()).doesNotContain("wrong-password");
        }
    }

    @Test
    void aHikvisionCameraAnswersDeviceInformationProfilesAndAStreamUri() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.target()).isEqualTo(device.deviceUrl());
            assertThat(outcome.detail()).isEqualTo("HIKVISION DS-2DE4425IW-DE firmware V5.6.15 build 200903; 2 profiles; stream URI returned");
            assertThat(device.calls).containsExactly("/onvif/device_service GetSystemDateAndTime",
                    "/onvif/device_service GetDeviceInformation", "/onvif/device_service GetCapabilities",
                    "/onvif/Media GetProfiles", "/onvif/Media GetStreamUri");
            assertThat(device.requestBodies.get(4)).contains("<trt:ProfileToken>Profile_1</trt:ProfileToken>")
                    .contains("<tt:Stream>RTP-Unicast</tt:Stream>");
            // PasswordDigest: the password itself never travels
            assertThat(device.requestBodies).allSatisfy(body -> assertThat(body).doesNotContain(PASSWORD));
            assertThat(outcome.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void anAxisCameraWithOneServiceAddressPasses() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.AXIS, "root", "pass")) {
            CheckOutcome outcome = run(camera(device.deviceUrl(), "root", "pass"));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.detail()).isEqualTo("AXIS P3245-LV firmware 10.12.153; 1 profile; stream URI returned");
            assertThat(device.calls).contains("/onvif/services GetProfiles", "/onvif/services GetStreamUri");
        }
    }

    @Test
    void aWrongPasswordIsAuthFailedFromTheNotAuthorizedFault() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, "wrong"));

            assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
            assertThat(outcome.detail()).isEqualTo("SOAP fault NotAuthorized for GetDeviceInformation");
            assertThat(device.operations()).doesNotContain("GetProfiles");
        }
    }

    @Test
    void aDeviceAskingForCredentialsThatAreNotConfiguredIsNotConfigured() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(camera(device.deviceUrl(), null, null));

            assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
            assertThat(outcome.detail()).startsWith("missing: username");
        }
    }

    @Test
    void theTokenIsDatedByTheDeviceClockSoACameraTwoHoursOffStillAnswers() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.skew = Duration.ofHours(2); // the device refuses tokens more than 5 minutes from its clock

            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
        }
    }

    @Test
    void aDeviceWithoutGetCapabilitiesIsAskedForItsServices() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.noGetCapabilities = true;

            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(device.operations()).containsSubsequence("GetCapabilities", "GetServices", "GetProfiles", "GetStreamUri");
        }
    }

    @Test
    void aMediaServiceAddressOutsideTheAllowedNetworksIsRefusedAndNotCalled() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.mediaHost = "192.0.2.10";
            AddressGuard loopbackOnly = (host, port) -> {
                if (!host.equals("127.0.0.1")) {
                    throw new AddressGuard.RefusedTarget("address not allowed");
                }
                return InetAddress.getLoopbackAddress();
            };

            CheckOutcome outcome = run(camera(device.deviceUrl(), USER, PASSWORD), loopbackOnly);

            assertThat(outcome.reason()).isEqualTo(CheckReason.TARGET_REFUSED);
            assertThat(outcome.detail()).isEqualTo("address not allowed");
            assertThat(device.operations()).doesNotContain("GetProfiles");
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CheckOutcome outcome = run(camera("http://127.0.0.1:" + port + "/onvif/device_service", USER, PASSWORD));

        assertThat(outcome.reason()).isEqualTo(CheckReason.CONNECTION_REFUSED);
    }

    @Test
    void aDeviceThatNeverAnswersIsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckOutcome outcome = check.run(camera("http://127.0.0.1:" + silent.getLocalPort() + "/onvif/device_service", USER,
                    PASSWORD), CheckRequest.of(CheckKind.ONVIF_MEDIA), AddressGuard.anyAddress(),
                    new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5)));

            assertThat(outcome.reason()).isEqualTo(CheckReason.TIMEOUT);
            assertThat(outcome.detail()).isEqualTo("timeout (GetSystemDateAndTime)");
            assertThat(outcome.durationMillis()).isBetween(800L, 3_000L);
        }
    }

    @Test
    void aWebServerThatIsNoOnvifDeviceIsBadStatus() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(camera("http://127.0.0.1:" + device.port() + "/index.html", USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.BAD_STATUS);
            assertThat(outcome.detail()).isEqualTo("HTTP 404 for GetDeviceInformation");
        }
    }

    @Test
    void aDeviceWithoutOnvifAddressIsNotConfigured() {
        CheckOutcome missing = run(camera(null, USER, PASSWORD));
        assertThat(missing.reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
        assertThat(missing.detail()).isEqualTo("missing: onvifUrl");

        CheckOutcome withCredentials = run(camera("http://admin:secret@10.0.0.5/onvif/device_service", USER, PASSWORD));
        assertThat(withCredentials.reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
        assertThat(withCredentials.toString()).doesNotContain("secret");
    }
}
