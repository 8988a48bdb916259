package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceProbeSettings;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.Role;
import com.aftercare.probe.ProbeCheck;
import com.aftercare.probe.ProbeResult;
import com.aftercare.probe.ProbeService;
import com.aftercare.probe.WaiveVerification;
import com.aftercare.probes.isapi.IsapiTestServer;
import com.aftercare.probes.onvif.TestOnvifDevice;
import com.aftercare.probes.rtsp.TestRtspServer;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * VC-3 through verification.bpmn with the shipped default policies (issue 14), end to end: the probe job is served by
 * ProbeWorker.runOnce() with the server's real checks, against the probes module's in-test protocol peers (a
 * Hikvision-style ISAPI recorder with Digest authentication, an RTSP camera that streams RTP, an ONVIF PTZ dome). A
 * failed verification sends the case back to the engineer; a device without settings fails as not configured unless
 * the desk waives it; a device that passes everything passes and the case closes.
 */
class VerificationProcessTest extends IntegrationTest {

    private static final String CAMERA_USER = "admin";
    private static final String CAMERA_PASSWORD = "device-pass-1";

    @Autowired ProbeService probes;
    @Autowired WaiveVerification waive;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private IsapiTestServer recorder;
    private TestRtspServer stream;
    private TestOnvifDevice dome;
    private Device nvr;

    @BeforeEach
    void peers() throws Exception {
        jdbc.update("delete from verification_policy"); // the shipped VC-3 defaults, whatever another test changed
        recorder = new IsapiTestServer();
        freeMegabytes(100 * 1024);
        recorder.answer(IsapiTestServer.CHANNELS, "channels-status-all-online.xml"); // channels 1, 2, 3
        for (int channel = 1; channel <= 3; channel++) {
            keepsDays(channel, 90);
        }
        stream = new TestRtspServer(TestRtspServer.Auth.DIGEST, TestRtspServer.Behaviour.STREAM, CAMERA_USER, CAMERA_PASSWORD, false);
        dome = new TestOnvifDevice(TestOnvifDevice.Vendor.HIKVISION, CAMERA_USER, CAMERA_PASSWORD);
        nvr = newDevice(DeviceType.NVR, "NVR", new DeviceProbeSettings(null, null, recorder.baseUrl(), IsapiTestServer.USER,
                IsapiTestServer.PASSWORD, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false));
    }

    @AfterEach
    void stopPeers() throws Exception {
        recorder.close();
        stream.close();
        dome.close();
    }

    /** What the recorder's hddList reports free on its one disk. */
    private void freeMegabytes(long mb) {
        recorder.answer(IsapiTestServer.STORAGE, "hdd-one-disk.xml", "FREE_MB", String.valueOf(mb));
    }

    /** The recorder's oldest main-stream recording on a channel lies this many days (and an hour or 23) back. */
    private void keepsDays(int channel, int days) {
        recorder.oldestRecording(channel * 100 + 1, recorder.now.minus(Duration.ofDays(days)).minus(Duration.ofHours(1)));
    }

    private void keepsJustUnder(int channel, int days) {
        recorder.oldestRecording(channel * 100 + 1, recorder.now.minus(Duration.ofDays(days - 1)).minus(Duration.ofHours(23)));
    }

    private Device newDevice(DeviceType type, String name, DeviceProbeSettings probe) {
        String unique = name + "-" + System.nanoTime();
        return assets.createDevice(new NewDevice(site.getId(), type, unique, "X", "SN-" + unique, "127.0.0.1", null, null, null,
                false, probe));
    }

    /** A camera recorded on channel {@code channel} of the NVR, streaming from the RTSP peer; a PTZ dome is the ONVIF peer. */
    private Device camera(int channel, boolean ptz) {
        return newDevice(DeviceType.CAMERA, "Camera", new DeviceProbeSettings(stream.url(), ptz ? dome.deviceUrl() : null, null,
                CAMERA_USER, CAMERA_PASSWORD, null, null, null, null, null, null, null, null, null, null, null, null, nvr.getId(), channel,
                ptz));
    }

    /** A case on this device, dispatched and reported fixed by the engineer: it waits in verification now. */
    private Ticket fixedCaseOn(Device d) {
        device = d;
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.VERIFYING);
        return ticket;
    }

    private ProbeResult lastResult(Ticket ticket) {
        List<ProbeResult> all = probes.resultsOf(ticket.getId());
        return all.get(all.size() - 1);
    }

    private void assertBackAtTheEngineer(Ticket ticket) {
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(passedActivities(ticket)).contains("deviceNotWorking").doesNotContain("customerCallback");
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType()).contains("PROBE_FAILED");
    }


    private List<ProbeCheck> failures(Ticket ticket) {
        return lastResult(ticket).getChecks().stream().filter(c -> !c.ok()).toList();
    }

    private void fixedAgain(Ticket ticket, String cause) {
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", cause, "fixOutcome", "FIXED", "solution", "Done"));
    }

    @Test
    void anNvrWhoseDiskReportsHalfAGigabyteFreeFailsAndTheCaseGoesBackToTheEngineer() {
        freeMegabytes(512);
        Ticket ticket = fixedCaseOn(nvr);

        assertThat(probeWorker.runOnce()).isEqualTo(1);

        assertBackAtTheEngineer(ticket);
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::kind)
                .containsExactly("NVR_STORAGE", "NVR_RECORDINGS", "NVR_CHANNELS");
        assertThat(failures(ticket)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("NVR_STORAGE");
            assertThat(c.reason()).isEqualTo("LOW_FREE_SPACE");
            assertThat(c.detail()).isEqualTo("free 0.5 GB of 3726.0 GB on 1 disk; minimum 1.0 GB");
        });
        assertThat(recorder.log).as("the recorder was asked over Digest, as a real one is").contains(
                "GET " + IsapiTestServer.STORAGE + " 401", "GET " + IsapiTestServer.STORAGE + " 200");

        // 1 GB free is the VC-3 minimum: enough
        freeMegabytes(1024);
        fixedAgain(ticket, "Disk full");
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        assertThat(lastResult(ticket).isPassed()).isTrue();
    }

    @Test
    void anNvrKeepingJustUnderThirtyDaysFailsThirtyPass() {
        keepsJustUnder(2, 30);
        Ticket ticket = fixedCaseOn(nvr);
        probeWorker.runOnce();
        assertBackAtTheEngineer(ticket);
        assertThat(failures(ticket)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("SHORT_RECORDINGS");
            assertThat(c.detail()).isEqualTo("channel 2: 29 days; minimum 30 days");
        });

        keepsDays(2, 30);
        fixedAgain(ticket, "Retention");
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void aCameraWithFiftyNineDaysOfRecordingsFailsSixtyPass() {
        Device camera = camera(3, false);
        keepsJustUnder(3, 60);
        Ticket ticket = fixedCaseOn(camera);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::kind)
                .as("no PTZ check for a camera not marked PTZ").containsExactly("RTSP_STREAM", "NVR_RECORDINGS");
        assertThat(failures(ticket)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("SHORT_RECORDINGS");
            assertThat(c.detail()).as("its channel on its recorder, against the camera minimum")
                    .isEqualTo("channel 3: 59 days; minimum 60 days");
        });
        assertThat(stream.methods()).as("the stream was played with the device account, decrypted").contains("PLAY");

        keepsDays(3, 60);
        fixedAgain(ticket, "Retention");
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void aPtzCameraThatDoesNotMoveFailsOneThatMovesPasses() {
        Device camera = camera(2, true);
        dome.stuck = true;
        Ticket ticket = fixedCaseOn(camera);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::kind).contains("ONVIF_PTZ");
        assertThat(failures(ticket)).extracting(ProbeCheck::reason).containsExactly("PTZ_DID_NOT_MOVE");
        assertThat(dome.moves).as("asked to move, not moved back").hasSize(1);

        dome.stuck = false;
        fixedAgain(ticket, "Motor");
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void aCameraThatPassesEverythingPassesAndTheCaseCloses() {
        Device camera = camera(1, true);
        Ticket ticket = fixedCaseOn(camera);

        probeWorker.runOnce();

        ProbeResult result = lastResult(ticket);
        assertThat(result.isPassed()).as(result.getSummary()).isTrue();
        assertThat(result.getChecks()).extracting(ProbeCheck::kind).containsExactly("RTSP_STREAM", "NVR_RECORDINGS", "ONVIF_PTZ");
        assertThat(result.getChecks()).allSatisfy(c -> assertThat(c.reason()).isEqualTo("OK"));
        assertThat(stream.methods()).contains("DESCRIBE", "SETUP", "PLAY");
        assertThat(dome.operations()).contains("RelativeMove");
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aCameraWhoseStreamIsDarkFails() throws Exception {
        try (TestRtspServer dark = new TestRtspServer(TestRtspServer.Auth.DIGEST, TestRtspServer.Behaviour.SILENT, CAMERA_USER,
                CAMERA_PASSWORD, false)) {
            Device camera = newDevice(DeviceType.CAMERA, "Dark camera", new DeviceProbeSettings(dark.url(), null, null, CAMERA_USER,
                    CAMERA_PASSWORD, null, null, null, null, null, null, null, null, null, null, null, null, nvr.getId(), 1, false));
            Ticket ticket = fixedCaseOn(camera);
            probeWorker.runOnce();
            assertBackAtTheEngineer(ticket);
            assertThat(failures(ticket)).extracting(ProbeCheck::reason).containsExactly("NO_MEDIA");
        }
    }

    @Test
    void aDeviceWithoutSettingsFailsAsNotConfiguredUntilTheDeskWaivesItThenTheCaseCloses() {
        Device bare = newDevice(DeviceType.CAMERA, "Bare camera", null);
        Ticket ticket = fixedCaseOn(bare);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        ProbeResult failed = lastResult(ticket);
        assertThat(failed.isPassed()).isFalse();
        assertThat(failed.getChecks()).extracting(ProbeCheck::kind).containsExactly("RTSP_STREAM", "NVR_RECORDINGS");
        assertThat(failed.getChecks()).extracting(ProbeCheck::reason).containsOnly("NOT_CONFIGURED");
        assertThat(failed.getChecks()).extracting(ProbeCheck::detail).containsExactly("missing: rtspUrl", "missing: recorderId");
        assertThat(waive.offered(tickets.get(ticket.getId()), Set.of(Role.SERVICE_DESK))).isTrue();
        assertThat(waive.offered(tickets.get(ticket.getId()), Set.of(Role.ENGINEER))).as("the desk's decision").isFalse();

        // the engineer reporting it fixed again changes nothing: still not configured
        fixedAgain(ticket, "Cable");
        probeWorker.runOnce();
        assertBackAtTheEngineer(ticket);

        waive.waive(ticket.getId(), "Old analogue camera behind an encoder; no stream address", "t-desk", Set.of(Role.SERVICE_DESK));
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType()).contains("VERIFICATION_WAIVED");
        fixedAgain(ticket, "Cable");
        probeWorker.runOnce();

        ProbeResult waived = lastResult(ticket);
        assertThat(waived.isPassed()).isTrue();
        assertThat(waived.getSummary()).contains("waived by t-desk");
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
        confirmAndAudit(ticket);
        complete(ticket, "callRequester", "t-desk", Map.of("callbackOutcome", "CONFIRMED"));
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aWaiverDoesNotPassACheckThatRanAndFailed() {
        // the camera is configured except its recorder; its stream check runs and passes; the recordings check is not configured
        Device camera = newDevice(DeviceType.CAMERA, "Half camera", new DeviceProbeSettings(stream.url(), null, null, CAMERA_USER,
                CAMERA_PASSWORD, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false));
        Ticket ticket = fixedCaseOn(camera);
        waive.waive(ticket.getId(), "No recorder on this site", "t-sup", Set.of(Role.SUPERVISOR));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).as("waived: only the not-configured recordings check").containsExactly("confirmCompletion");

        // an NVR that reports low space is not helped by a waiver
        freeMegabytes(512);
        Ticket nvrCase = fixedCaseOn(nvr);
        waive.waive(nvrCase.getId(), "Trying to skip", "t-desk", Set.of(Role.SERVICE_DESK));
        probeWorker.runOnce();
        assertBackAtTheEngineer(nvrCase);
    }

    @Test
    void serversAndOtherDevicesAreCheckedAsConfiguredAndFailWithNothingConfigured() {
        Device server = newDevice(DeviceType.SERVER, "Server", null);
        Ticket ticket = fixedCaseOn(server);
        probeWorker.runOnce();
        assertBackAtTheEngineer(ticket);
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::reason).containsOnly("NOT_CONFIGURED");
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::kind).containsExactly("TCP", "HTTP");
    }
}
