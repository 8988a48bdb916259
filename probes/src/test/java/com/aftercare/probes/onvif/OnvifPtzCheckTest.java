package com.aftercare.probes.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.onvif.TestOnvifDevice.Vendor;

/** ONVIF PTZ against the recorded Hikvision PTZ dome (moves) and Axis fixed camera (no PTZ). */
class OnvifPtzCheckTest {

    static final String USER = "onvif";
    static final String PASSWORD = "Onvif#2026";
    /** generous, so a loaded build machine does not turn a pass into a timeout */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    /** a short settle keeps the tests quick; the default (1000 ms) has its own test */
    static final Map<String, String> SETTLE_200 = Map.of("settleMillis", "200");

    private final OnvifPtzCheck check = new OnvifPtzCheck();

    private CheckOutcome run(TestOnvifDevice device, String password, Map<String, String> params) {
        return check.run(OnvifMediaCheckTest.camera(device.deviceUrl(), USER, password),
                new CheckRequest(CheckKind.ONVIF_PTZ, params), AddressGuard.anyAddress(), TIMEOUTS);
    }

    @Test
    void aDomeThatMovesPassesAndIsMovedBackWhereItWas() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(device, PASSWORD, SETTLE_200);

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.detail()).isEqualTo("pan 0.100 -> 0.150 after a relative move of 0.050; moved back");
            assertThat(device.moves).containsExactly(0.05, -0.05);
            assertThat(device.pan).isCloseTo(0.1, within(1e-9));
            assertThat(outcome.durationMillis()).isGreaterThanOrEqualTo(200L);
            assertThat(device.calls).contains("/onvif/PTZ GetStatus", "/onvif/PTZ RelativeMove");
            assertThat(device.requestBodies).anySatisfy(b -> assertThat(b)
                    .contains("<tptz:ProfileToken>Profile_1</tptz:ProfileToken>")
                    .contains("PanTiltSpaces/TranslationGenericSpace"));
        }
    }

    @Test
    void aDomeThatDoesNotMoveFailsAndIsNotMovedBack() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.stuck = true;

            CheckOutcome outcome = run(device, PASSWORD, SETTLE_200);

            assertThat(outcome.reason()).isEqualTo(CheckReason.PTZ_DID_NOT_MOVE);
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.detail()).isEqualTo("pan 0.100 tilt 0.500 before and 200 ms after a relative move of 0.050");
            assertThat(device.moves).containsExactly(0.05);
        }
    }

    @Test
    void atTheEndStopItMovesTheOtherWay() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            device.pan = 0.98;

            CheckOutcome outcome = run(device, PASSWORD, SETTLE_200);

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(device.moves).containsExactly(-0.05, 0.05);
            assertThat(device.pan).isCloseTo(0.98, within(1e-9));
        }
    }

    @Test
    void theStepComesFromThePolicy() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(device, PASSWORD, Map.of("step", "0.2", "settleMillis", "0"));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(device.moves).containsExactly(0.2, -0.2);
        }
    }

    @Test
    void theDefaultIsAStepOf005AndASettleOfOneSecond() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(device, PASSWORD, Map.of());

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(device.moves).containsExactly(0.05, -0.05);
            assertThat(outcome.durationMillis()).isGreaterThanOrEqualTo(1000L);
        }
    }

    @Test
    void aFixedCameraWithoutPtzServiceIsNotSupported() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.AXIS, USER, PASSWORD)) {
            CheckOutcome outcome = run(device, PASSWORD, SETTLE_200);

            assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_SUPPORTED);
            assertThat(outcome.detail()).isEqualTo("no PTZ service");
            assertThat(device.operations()).doesNotContain("RelativeMove");
        }
    }

    @Test
    void aWrongPasswordIsAuthFailedAndNothingMoves() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            CheckOutcome outcome = run(device, "wrong", SETTLE_200);

            assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
            assertThat(outcome.detail()).isEqualTo("SOAP fault NotAuthorized for GetCapabilities");
            assertThat(device.moves).isEmpty();
        }
    }

    @Test
    void unusableParametersAreNotConfigured() throws Exception {
        try (TestOnvifDevice device = new TestOnvifDevice(Vendor.HIKVISION, USER, PASSWORD)) {
            assertThat(run(device, PASSWORD, Map.of("step", "abc")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
            assertThat(run(device, PASSWORD, Map.of("step", "1.5")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
            assertThat(run(device, PASSWORD, Map.of("settleMillis", "60000")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
            assertThat(device.calls).isEmpty();
        }
    }
}
