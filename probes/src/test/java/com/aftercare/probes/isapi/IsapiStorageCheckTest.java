package com.aftercare.probes.isapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;

/** NVR_STORAGE against an ISAPI peer with real Digest authentication and recorded-format hddList answers. */
class IsapiStorageCheckTest {

    IsapiTestServer nvr;

    @BeforeEach
    void start() throws Exception {
        nvr = new IsapiTestServer();
    }

    @AfterEach
    void stop() {
        nvr.close();
    }

    CheckOutcome check(DeviceEndpoint device, Map<String, String> params) {
        return new IsapiStorageCheck().run(device, new CheckRequest(CheckKind.NVR_STORAGE, params), AddressGuard.anyAddress(),
                IsapiFixtures.FAST);
    }

    CheckOutcome check(Map<String, String> params) {
        return check(IsapiFixtures.nvr(nvr), params);
    }

    @Test
    void healthyDisksWithPlentyFreePassAfterDigestAuthentication() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-two-disks-ok.xml");

        CheckOutcome outcome = check(Map.of());

        assertThat(outcome.ok()).as(outcome.toString()).isTrue();
        // 1048576 + 262144 MB free of 2 x 3815447 MB
        assertThat(outcome.detail()).isEqualTo("free 1280.0 GB of 7452.0 GB on 2 disks; minimum 1.0 GB");
        assertThat(outcome.target()).isEqualTo(nvr.baseUrl() + "/ISAPI/ContentMgmt/Storage/hdd");
        // one challenge, one authenticated request
        assertThat(nvr.log).containsExactly("GET /ISAPI/ContentMgmt/Storage/hdd 401", "GET /ISAPI/ContentMgmt/Storage/hdd 200");
    }

    @Test
    void anNvrWithHalfAGigabyteFreeFailsVc3() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk.xml", "FREE_MB", "512");

        CheckOutcome outcome = check(Map.of("minFreeGb", "1"));

        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.reason()).isEqualTo(CheckReason.LOW_FREE_SPACE);
        assertThat(outcome.detail()).isEqualTo("free 0.5 GB of 3726.0 GB on 1 disk; minimum 1.0 GB");
    }

    @Test
    void exactlyOneGigabyteFreeIsEnough() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk.xml", "FREE_MB", "1024");

        assertThat(check(Map.of()).ok()).isTrue();

        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk.xml", "FREE_MB", "1023");

        assertThat(check(Map.of()).reason()).isEqualTo(CheckReason.LOW_FREE_SPACE);
    }

    @Test
    void thePolicysMinimumIsUsed() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk.xml", "FREE_MB", "51200"); // 50 GB

        assertThat(check(Map.of("minFreeGb", "100")).detail()).isEqualTo("free 50.0 GB of 3726.0 GB on 1 disk; minimum 100.0 GB");
        assertThat(check(Map.of("minFreeGb", "50")).ok()).isTrue();
    }

    @Test
    void aDiskInErrorIsADiskFaultNamingIt() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk-error.xml");

        CheckOutcome outcome = check(Map.of());

        assertThat(outcome.reason()).isEqualTo(CheckReason.DISK_FAULT);
        assertThat(outcome.detail()).isEqualTo("disk 2 error; free 512.0 GB of 3726.0 GB on 2 disks; minimum 1.0 GB");
    }

    @Test
    void aWrongPasswordIsAuthFailedAfterExactlyOneAttempt() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-two-disks-ok.xml");

        CheckOutcome outcome = check(IsapiFixtures.nvr(nvr.baseUrl(), IsapiTestServer.USER, "guess-123"), Map.of());

        assertThat(outcome.reason()).isEqualTo(CheckReason.AUTH_FAILED);
        assertThat(outcome.detail()).isEqualTo("HTTP 401 after authenticating as the configured user").doesNotContain("guess");
        // NVRs lock an account after a few failures: the check must not try again
        assertThat(nvr.log).hasSize(2);
    }

    @Test
    void aRecorderWithoutTheFunctionIsNotSupported() {
        nvr.answer(IsapiStorageCheck.PATH, "not-supported.xml");

        CheckOutcome outcome = check(Map.of());

        assertThat(outcome.reason()).isEqualTo(CheckReason.NOT_SUPPORTED);
        assertThat(outcome.detail()).isEqualTo("HTTP 403 for /ISAPI/ContentMgmt/Storage/hdd");
    }

    @Test
    void anUnknownPathIsNotSupported() {
        assertThat(check(Map.of()).reason()).isEqualTo(CheckReason.NOT_SUPPORTED);
    }

    @Test
    void anAnswerThatIsNotXmlIsAProtocolError() {
        nvr.answer(IsapiStorageCheck.PATH, "search-item.xml", "<searchMatchItem>", "<<<");

        assertThat(check(Map.of()).reason()).isEqualTo(CheckReason.PROTOCOL_ERROR);
    }

    @Test
    void aCameraIsCheckedOnItsRecorder() {
        nvr.answer(IsapiStorageCheck.PATH, "hdd-one-disk.xml", "FREE_MB", "512");

        CheckOutcome outcome = check(IsapiFixtures.camera(nvr, 2), Map.of());

        assertThat(outcome.reason()).isEqualTo(CheckReason.LOW_FREE_SPACE);
        assertThat(outcome.target()).startsWith(nvr.baseUrl());
    }

    @Test
    void aRecorderThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    in.readAllBytes(); // reads the request, never answers
                } catch (IOException e) {
                    // closed by the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            CheckOutcome outcome = check(IsapiFixtures.nvr("http://127.0.0.1:" + silent.getLocalPort(), "admin", "x"), Map.of());

            assertThat(outcome.reason()).isEqualTo(CheckReason.TIMEOUT);
            accept.interrupt();
        }
    }

    @Test
    void aClosedPortIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(check(IsapiFixtures.nvr("http://127.0.0.1:" + port, "admin", "x"), Map.of()).reason())
                .isEqualTo(CheckReason.CONNECTION_REFUSED);
    }

    @Test
    void aRefusedTargetIsNeverContacted() {
        CheckOutcome outcome = new IsapiStorageCheck().run(IsapiFixtures.nvr(nvr), CheckRequest.of(CheckKind.NVR_STORAGE),
                (host, port) -> {
                    throw new AddressGuard.RefusedTarget("address not allowed");
                }, IsapiFixtures.FAST);

        assertThat(outcome.reason()).isEqualTo(CheckReason.TARGET_REFUSED);
        assertThat(nvr.log).isEmpty();
    }

    @Test
    void missingSettingsAreNotConfigured() {
        assertThat(check(IsapiFixtures.nvr(null, "admin", "x"), Map.of()).detail()).isEqualTo("missing: isapiUrl");
        assertThat(check(IsapiFixtures.nvr(nvr.baseUrl(), null, null), Map.of()).detail()).isEqualTo("missing: username");
        assertThat(check(IsapiFixtures.camera(nvr, null), Map.of()).detail()).isEqualTo("missing: channel");
        assertThat(check(IsapiFixtures.nvr("http://admin:pw@10.0.0.9", "admin", "x"), Map.of()).reason())
                .isEqualTo(CheckReason.NOT_CONFIGURED);
        assertThat(check(Map.of("minFreeGb", "lots")).reason()).isEqualTo(CheckReason.NOT_CONFIGURED);
    }
}
