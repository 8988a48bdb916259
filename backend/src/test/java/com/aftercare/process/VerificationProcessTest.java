package com.aftercare.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceProbeSettings;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.identity.Role;
import com.aftercare.outbound.OutboundTargets;
import com.aftercare.probe.ProbeCheck;
import com.aftercare.probe.ProbeResult;
import com.aftercare.probe.ProbeService;
import com.aftercare.probe.StandInDeviceProber;
import com.aftercare.probe.WaiveVerification;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.ProbeJob;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;

/**
 * VC-3 through verification.bpmn with the shipped default policies (issue 14): the probe job is served by
 * ProbeWorker.runOnce(), a failed verification sends the case back to the engineer, a device without settings fails
 * as not configured unless the desk waives it. The protocol checks themselves are other helpers' (their stand-in here
 * judges a device state against the thresholds the policy put in the job).
 */
@Import(VerificationProcessTest.StandIn.class)
class VerificationProcessTest extends IntegrationTest {

    @TestConfiguration
    static class StandIn {
        @Bean
        @Primary
        StandInDeviceProber standInDeviceProber(OutboundTargets targets) {
            return new StandInDeviceProber(targets);
        }
    }

    private static final String NVR_ISAPI = "http://127.0.0.1:40001";

    @Autowired StandInDeviceProber prober;
    @Autowired ProbeService probes;
    @Autowired WaiveVerification waive;

    private Device nvr;

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void recorder() {
        prober.reset();
        jdbc.update("delete from verification_policy"); // the shipped VC-3 defaults, whatever another test changed
        nvr = newDevice(DeviceType.NVR, "NVR", settings(null, null, NVR_ISAPI, null, null, false));
    }

    private Device newDevice(DeviceType type, String name, DeviceProbeSettings probe) {
        String unique = name + "-" + System.nanoTime();
        return assets.createDevice(new NewDevice(site.getId(), type, unique, "X", "SN-" + unique, "127.0.0.1", null, null, null,
                false, probe));
    }

    private static DeviceProbeSettings settings(String rtsp, String onvif, String isapi, Long recorderId, Integer channel, boolean ptz) {
        return new DeviceProbeSettings(rtsp, onvif, isapi, "admin", "device-pass-1", null, null, null, null, null, null, null, null,
                null, null, null, null, recorderId, channel, ptz);
    }

    private Device camera(int channel, boolean ptz) {
        return newDevice(DeviceType.CAMERA, "Camera", settings("rtsp://127.0.0.1:40002/Streaming/Channels/" + channel + "01",
                ptz ? "http://127.0.0.1:40003/onvif/device_service" : null, null, nvr.getId(), channel, ptz));
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

    private static CheckRequest request(ProbeJob job, CheckKind kind) {
        return job.checks().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private void assertBackAtTheEngineer(Ticket ticket) {
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(passedActivities(ticket)).contains("deviceNotWorking").doesNotContain("customerCallback");
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType()).contains("PROBE_FAILED");
    }

    @Test
    void anNvrWithHalfAGigabyteFreeFailsAndTheCaseGoesBackToTheEngineer() {
        prober.freeGb.put(NVR_ISAPI, 0.5);
        Ticket ticket = fixedCaseOn(nvr);

        assertThat(probeWorker.runOnce()).isEqualTo(1);

        assertBackAtTheEngineer(ticket);
        ProbeJob job = prober.jobs.get(0);
        assertThat(job.checks()).extracting(CheckRequest::kind)
                .containsExactly(CheckKind.NVR_STORAGE, CheckKind.NVR_RECORDINGS, CheckKind.NVR_CHANNELS);
        assertThat(request(job, CheckKind.NVR_STORAGE).params()).containsEntry("minFreeGb", "1");
        assertThat(request(job, CheckKind.NVR_RECORDINGS).params()).containsEntry("minDays", "30");
        assertThat(lastResult(ticket).getChecks()).filteredOn(c -> !c.ok()).singleElement()
                .satisfies(c -> {
                    assertThat(c.kind()).isEqualTo("NVR_STORAGE");
                    assertThat(c.reason()).isEqualTo("LOW_FREE_SPACE");
                });

        // 1 GB free is the VC-3 minimum: enough
        prober.freeGb.put(NVR_ISAPI, 1.0);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Disk full", "fixOutcome", "FIXED", "solution", "Freed space"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void anNvrKeepingTwentyNineDaysFailsThirtyPass() {
        prober.recordingDays.put(NVR_ISAPI + "#*", 29);
        Ticket ticket = fixedCaseOn(nvr);
        probeWorker.runOnce();
        assertBackAtTheEngineer(ticket);
        assertThat(lastResult(ticket).getChecks()).extracting(ProbeCheck::reason).contains("SHORT_RECORDINGS");

        prober.recordingDays.put(NVR_ISAPI + "#*", 30);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Retention", "fixOutcome", "FIXED", "solution", "Set 30 days"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void aCameraWithFiftyNineDaysOfRecordingsFailsSixtyPass() {
        Device camera = camera(3, false);
        prober.recordingDays.put(NVR_ISAPI + "#3", 59);
        Ticket ticket = fixedCaseOn(camera);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        ProbeJob job = prober.jobs.get(0);
        assertThat(job.checks()).extracting(CheckRequest::kind).containsExactly(CheckKind.RTSP_STREAM, CheckKind.NVR_RECORDINGS)
                .as("no PTZ check for a camera not marked PTZ").doesNotContain(CheckKind.ONVIF_PTZ);
        assertThat(request(job, CheckKind.NVR_RECORDINGS).params()).containsEntry("minDays", "60");
        assertThat(job.device().channel()).isEqualTo(3);
        assertThat(job.device().recorder().isapiUrl()).as("its recordings are checked on its recorder").isEqualTo(NVR_ISAPI);
        assertThat(job.device().password()).as("the device account reaches the prober, decrypted").isEqualTo("device-pass-1");
        assertThat(lastResult(ticket).getChecks()).filteredOn(c -> !c.ok()).extracting(ProbeCheck::reason)
                .containsExactly("SHORT_RECORDINGS");

        prober.recordingDays.put(NVR_ISAPI + "#3", 60);
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Retention", "fixOutcome", "FIXED", "solution", "Set 60 days"));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void aPtzCameraThatDoesNotMoveFails() {
        Device camera = camera(2, true);
        prober.ptzMoves.put("http://127.0.0.1:40003/onvif/device_service", false);
        Ticket ticket = fixedCaseOn(camera);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        assertThat(prober.jobs.get(0).checks()).extracting(CheckRequest::kind).contains(CheckKind.ONVIF_PTZ);
        assertThat(lastResult(ticket).getChecks()).filteredOn(c -> !c.ok()).extracting(ProbeCheck::reason)
                .containsExactly("PTZ_DID_NOT_MOVE");
    }

    @Test
    void aDeviceWithoutSettingsFailsAsNotConfiguredUntilTheDeskWaivesItThenTheCaseCloses() {
        Device bare = newDevice(DeviceType.CAMERA, "Bare camera", null);
        Ticket ticket = fixedCaseOn(bare);

        probeWorker.runOnce();

        assertBackAtTheEngineer(ticket);
        assertThat(prober.jobs).as("nothing to run: both required checks lack their settings").isEmpty();
        ProbeResult failed = lastResult(ticket);
        assertThat(failed.isPassed()).isFalse();
        assertThat(failed.getChecks()).extracting(ProbeCheck::kind).containsExactly("RTSP_STREAM", "NVR_RECORDINGS");
        assertThat(failed.getChecks()).extracting(ProbeCheck::reason).containsOnly("NOT_CONFIGURED");
        assertThat(failed.getChecks()).extracting(ProbeCheck::detail).containsExactly("missing: rtspUrl", "missing: recorderId");
        assertThat(waive.offered(tickets.get(ticket.getId()), Set.of(Role.SERVICE_DESK))).isTrue();
        assertThat(waive.offered(tickets.get(ticket.getId()), Set.of(Role.ENGINEER))).as("the desk's decision").isFalse();

        // the engineer reporting it fixed again changes nothing: still not configured
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Cable", "fixOutcome", "FIXED", "solution", "New cable"));
        probeWorker.runOnce();
        assertBackAtTheEngineer(ticket);

        waive.waive(ticket.getId(), "Old analogue camera behind an encoder; no stream address", "t-desk", Set.of(Role.SERVICE_DESK));
        assertThat(readTimeline.of(ticket.getId())).extracting(e -> e.getType()).contains("VERIFICATION_WAIVED");
        complete(ticket, "diagnoseAndFix", "t-eng", Map.of("cause", "Cable", "fixOutcome", "FIXED", "solution", "New cable"));
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
        // the camera is configured except its recorder; its stream check runs; the NVR-side check is not configured
        Device camera = newDevice(DeviceType.CAMERA, "Half camera",
                settings("rtsp://127.0.0.1:40002/Streaming/Channels/101", null, null, null, null, false));
        Ticket ticket = fixedCaseOn(camera);
        waive.waive(ticket.getId(), "No recorder on this site", "t-sup", Set.of(Role.SUPERVISOR));
        probeWorker.runOnce();
        assertThat(openTaskKeys(ticket)).as("waived: only the not-configured recordings check").containsExactly("confirmCompletion");

        // an NVR that reports low space is not helped by a waiver
        prober.freeGb.put(NVR_ISAPI, 0.5);
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
