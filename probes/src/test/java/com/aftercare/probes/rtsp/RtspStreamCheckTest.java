package com.aftercare.probes.rtsp;

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
import com.aftercare.probes.rtsp.TestRtspServer.Auth;
import com.aftercare.probes.rtsp.TestRtspServer.Behaviour;

/** The RTSP stream check against a real RTSP server on loopback that streams RTP interleaved (no mocks). */
class RtspStreamCheckTest {

    static final String USER = "admin";
    static final String PASSWORD = "Hik12345!";
    /** generous, so a loaded build machine does not turn a pass into a timeout */
    static final Timeouts TIMEOUTS = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5));
    /** media 600 ms: the figure the NO_MEDIA detail must name */
    static final Timeouts SHORT_MEDIA = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(600));
    /** read 800 ms: the figure the TIMEOUT detail must name */
    static final Timeouts SHORT_READ = new Timeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofSeconds(5));

    private final RtspStreamCheck check = new RtspStreamCheck();

    private static DeviceEndpoint camera(String rtspUrl, String user, String password) {
        return new DeviceEndpoint("127.0.0.1", List.of(), null, false, user, password, rtspUrl, null, null, null, null, null);
    }

    private CheckOutcome run(DeviceEndpoint device) {
        return run(device, TIMEOUTS);
    }

    private CheckOutcome run(DeviceEndpoint device, Timeouts timeouts) {
        return check.run(device, CheckRequest.of(CheckKind.RTSP_STREAM), AddressGuard.anyAddress(), timeouts);
    }

    @Test
    void aHikvisionStyleStreamWithDigestPassesOnceRtpArrives() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.ok()).isTrue();
            assertThat(outcome.kind()).isEqualTo(CheckKind.RTSP_STREAM);
            assertThat(outcome.target()).isEqualTo(server.url());
            assertThat(outcome.detail()).matches("RTP received after \\d+ ms, H264");
            // the first DESCRIBE draws the challenge, the second carries the Digest answer the server computed itself
            assertThat(server.methods()).containsExactly("OPTIONS", "DESCRIBE", "DESCRIBE", "SETUP", "PLAY", "TEARDOWN");
            assertThat(server.requests.get(3)).isEqualTo("SETUP " + server.url() + "/trackID=1");
            assertThat(server.requests.get(4)).isEqualTo("PLAY " + server.url() + "/");
            assertThat(server.transports).containsExactly("RTP/AVP/TCP;unicast;interleaved=0-1");
            assertThat(server.authorizations).allSatisfy(a -> assertThat(a).startsWith("Digest ").doesNotContain(PASSWORD));
            assertThat(outcome.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void anAxisStyleStreamWithBasicAndRelativeControlsPasses() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.BASIC, Behaviour.STREAM, "root", "pass", true)) {
            CheckOutcome outcome = run(camera(server.url(), "root", "pass"));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.detail()).startsWith("RTP received after ").endsWith(" ms, H264");
            // controls are resolved against Content-Base: track for SETUP, the base itself ("*") for PLAY
            assertThat(server.requests).contains("SETUP " + server.url() + "/trackID=1", "PLAY " + server.url() + "/");
        }
    }

    @Test
    void aWrongPasswordIsAuthFailedAndNothingIsSetUp() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, "wrong"));

            assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
            assertThat(outcome.ok()).isFalse();
            assertThat(outcome.detail()).isEqualTo("RTSP 401 for DESCRIBE with the configured credentials");
            assertThat(server.methods()).containsExactly("OPTIONS", "DESCRIBE", "DESCRIBE");
        }
    }

    @Test
    void aStreamThatAsksForCredentialsWhenNoneAreConfiguredIsNotConfigured() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), null, null));

            assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
            assertThat(outcome.detail()).startsWith("missing: username");
        }
    }

    @Test
    void credentialsPastedIntoTheUrlAreUsedButNeverShownOrSent() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, USER, PASSWORD, false)) {
            String withCredentials = server.url().replace("rtsp://", "rtsp://" + USER + ":" + "Hik12345%21@");
            CheckOutcome outcome = run(camera(withCredentials, null, null));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(outcome.target()).isEqualTo(server.url());
            assertThat(server.requests).allSatisfy(r -> assertThat(r).doesNotContain("@").doesNotContain("Hik12345"));
        }
    }

    @Test
    void aStreamSetUpThatSendsNothingIsNoMediaAfterTheMediaTimeout() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.SILENT, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD), SHORT_MEDIA);

            assertThat(outcome.reason()).isEqualTo(CheckReason.NO_MEDIA);
            assertThat(outcome.detail()).isEqualTo("no RTP packet within 600 ms after PLAY");
            assertThat(outcome.durationMillis()).isBetween(600L, 3_000L);
            assertThat(server.methods()).endsWith("PLAY", "TEARDOWN");
        }
    }

    @Test
    void sessionNotFoundIsBadStatusNamingTheCode() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.SESSION_NOT_FOUND, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.BAD_STATUS);
            assertThat(outcome.detail()).isEqualTo("RTSP 454");
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "rtsp://127.0.0.1:" + port + "/Streaming/Channels/101";
        CheckOutcome outcome = run(camera(url, USER, PASSWORD));

        assertThat(outcome.reason()).isEqualTo(CheckReason.CONNECTION_REFUSED);
        assertThat(outcome.target()).isEqualTo(url);
    }

    @Test
    void aDeviceWithoutStreamUrlIsNotConfigured() {
        CheckOutcome outcome = run(camera(null, USER, PASSWORD));

        assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
        assertThat(outcome.detail()).isEqualTo("missing: rtspUrl");
        assertThat(run(camera("http://127.0.0.1/stream", USER, PASSWORD)).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
    }

    @Test
    void aTargetTheGuardRefusesIsNeverContacted() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, USER, PASSWORD, false)) {
            AddressGuard refuse = (host, port) -> {
                throw new AddressGuard.RefusedTarget("address not allowed");
            };
            CheckOutcome outcome = check.run(camera(server.url(), USER, PASSWORD), CheckRequest.of(CheckKind.RTSP_STREAM),
                    refuse, TIMEOUTS);

            assertThat(outcome.reason()).isEqualTo(CheckReason.TARGET_REFUSED);
            assertThat(outcome.detail()).isEqualTo("address not allowed");
            Thread.sleep(100);
            assertThat(server.requests).isEmpty();
        }
    }

    @Test
    void theDefaultPortIs554() throws Exception {
        int[] asked = new int[1];
        AddressGuard record = (host, port) -> {
            asked[0] = port;
            throw new AddressGuard.RefusedTarget("address not allowed");
        };
        check.run(camera("rtsp://10.0.0.5/Streaming/Channels/101", USER, PASSWORD), CheckRequest.of(CheckKind.RTSP_STREAM),
                record, TIMEOUTS);

        assertThat(asked[0]).isEqualTo(554);
    }

    @Test
    void aDeviceThatNeverAnswersDescribeIsTimeoutAfterTheReadTimeout() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.NONE, Behaviour.NO_ANSWER_TO_DESCRIBE, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD), SHORT_READ);

            assertThat(outcome.reason()).isEqualTo(CheckReason.TIMEOUT);
            assertThat(outcome.detail()).isEqualTo("no answer to DESCRIBE within 800 ms");
            assertThat(outcome.durationMillis()).isBetween(800L, 3_000L);
        }
    }

    @Test
    void aServerThatDoesNotSpeakRtspIsProtocolError() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.NONE, Behaviour.HTTP_INSTEAD, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.PROTOCOL_ERROR);
            assertThat(outcome.detail()).isEqualTo("not an RTSP answer to OPTIONS");
        }
    }

    @Test
    void packetsThatAreNotRtpVersion2DoNotCountAsMedia() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.BAD_RTP, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD), SHORT_MEDIA);

            assertThat(outcome.reason()).isEqualTo(CheckReason.PROTOCOL_ERROR);
            assertThat(outcome.detail()).endsWith("packets on the video channel were not RTP version 2");
        }
    }

    @Test
    void aStreamWithoutVideoIsNoMedia() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.NO_VIDEO, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.NO_MEDIA);
            assertThat(outcome.detail()).isEqualTo("the stream description has no video");
            assertThat(server.methods()).doesNotContain("SETUP");
        }
    }

    @Test
    void aCameraThatKeepsStreamingAndNeverAnswersTeardownDoesNotHoldTheCheck() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST, Behaviour.IGNORES_TEARDOWN, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            // the TEARDOWN answer is awaited at most 1 s (read timeout 5 s) although packets keep arriving
            assertThat(RtspStreamCheck.TEARDOWN_WAIT).isEqualTo(Duration.ofSeconds(1));
            assertThat(outcome.durationMillis()).isBetween(1_000L, 4_000L);
            assertThat(server.methods()).endsWith("TEARDOWN");
        }
    }

    @Test
    void digestWithQopAndANonceThatGoesStaleAtSetupIsAnsweredAgain() throws Exception {
        try (TestRtspServer server = new TestRtspServer(Auth.DIGEST_QOP_STALE, Behaviour.STREAM, USER, PASSWORD, false)) {
            CheckOutcome outcome = run(camera(server.url(), USER, PASSWORD));

            assertThat(outcome.reason()).isEqualTo(CheckReason.OK);
            assertThat(server.methods()).containsExactly("OPTIONS", "DESCRIBE", "DESCRIBE", "SETUP", "SETUP", "PLAY", "TEARDOWN");
            assertThat(server.authorizations).last().asString().contains("nonce=\"" + TestRtspServer.FRESH_NONCE + "\"")
                    .contains("qop=auth");
        }
    }
}
