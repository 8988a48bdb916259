package com.aftercare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.asset.Device;
import com.aftercare.probe.ProbeCheck;
import com.aftercare.probe.ProbeResult;
import com.aftercare.probe.ProbeService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.support.H2Only;

/**
 * Demo mode shows a VC-3 verification: the demo NVRs are checked over ISAPI (storage, recordings, channels) against the
 * demo recorders this server answers; NVR-01 passes, NVR-02 reports 0.5 GB free and its case goes back to the engineer.
 */
// the demo seeds its own in-memory H2 database (seeding the shared PostgreSQL test database would change what the
// other tests count), so this runs in the H2 pass only
@DisabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*",
        disabledReason = "the demo's own in-memory H2 database; the PostgreSQL profile settings do not apply to it")
@TestPropertySource(properties = {"aftercare.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:aftercare-demo-recorders;DB_CLOSE_DELAY=-1"})
// the restart test runs last: its case on NVR-01 makes a later fault on that recorder a repeat fault (replacement path)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@H2Only
class DemoRecordersTest extends IntegrationTest {

    @Autowired ProbeService probes;
    @Autowired DemoData demoData;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired com.aftercare.engineer.EngineerService engineerRoster;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    private Ticket fixedCaseOn(String deviceName) {
        Device nvr = assets.devices(null, null).stream().filter(d -> d.getName().equals(deviceName)).findFirst().orElseThrow();
        device = nvr;
        site = nvr.getSite();
        Ticket ticket = report(Category.DEFECT);
        dispatchAndFix(ticket);
        probeWorker.runOnce();
        return ticket;
    }

    private ProbeResult last(Ticket ticket) {
        List<ProbeResult> all = probes.resultsOf(ticket.getId());
        return all.get(all.size() - 1);
    }

    @Test
    void theHealthyDemoNvrPassesVc3OverIsapi() {
        Ticket ticket = fixedCaseOn("NVR-01");
        ProbeResult result = last(ticket);
        assertThat(result.isPassed()).as(result.getSummary() + " " + result.getChecks()).isTrue();
        assertThat(result.getChecks()).extracting(ProbeCheck::kind).containsExactly("NVR_STORAGE", "NVR_RECORDINGS", "NVR_CHANNELS");
        assertThat(openTaskKeys(ticket)).containsExactly("confirmCompletion");
    }

    @Test
    void theDemoNvrWithHalfAGigabyteFreeFailsAndGoesBackToTheEngineer() {
        Ticket ticket = fixedCaseOn("NVR-02");
        ProbeResult result = last(ticket);
        assertThat(result.isPassed()).isFalse();
        assertThat(result.getChecks()).filteredOn(c -> !c.ok()).extracting(ProbeCheck::reason).containsExactly("LOW_FREE_SPACE");
        assertThat(openTaskKeys(ticket)).containsExactly("diagnoseAndFix");
    }

    /**
     * A demo file database started again on another port: the recorders' ISAPI address written at the first start
     * points at a port nobody answers; start-up follows the server's current port and the NVR verifies again.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aDemoStartedAgainOnAnotherPortStillVerifiesItsRecorders() {
        Device nvr = assets.devices(null, null).stream().filter(d -> d.getName().equals("NVR-01")).findFirst().orElseThrow();
        int firstStart = port == 18_999 ? 18_998 : 18_999;
        // as the first start wrote them (the site rule allows loopback on this server's own port only, so written as data)
        jdbc.update("update device set probe_isapi_url = ?, probe_tcp_ports = ?, probe_http_url = ? where id = ?",
                DemoData.isapiAddress(firstStart, "NVR-01"), String.valueOf(firstStart),
                "http://127.0.0.1:" + firstStart + "/actuator/health", nvr.getId());

        demoData.load(); // what the next start does (customers exist: the data is followed, not seeded again)

        Device moved = assets.device(nvr.getId());
        assertThat(moved.getProbeIsapiUrl()).isEqualTo("http://127.0.0.1:" + port + DemoRecorders.PATH + "/nvr-01");
        assertThat(moved.getProbeTcpPorts()).isEqualTo(String.valueOf(port));
        assertThat(moved.hasProbePassword()).as("the recorder's password stays").isTrue();
        // the recorder's own checks, run as verification runs them (a second case on NVR-01 within a month would be a
        // repeat fault and go to replacement, RR-6, before any probe)
        ProbeService.Outcome outcome = probes.run(probes.planForDevice(moved));
        assertThat(outcome.passed()).as(outcome.summary() + " " + outcome.checks()).isTrue();
        assertThat(outcome.checks()).as("VC-3 over ISAPI ran").isNotEmpty();
    }

    /** The reassign picker shows each engineer's region: the demo's engineers cover the demo sites' 市区 and 区县. */
    @Test
    void theDemoEngineersCoverTheDemoSitesRegions() {
        assertThat(engineerRoster.all()).filteredOn(e -> e.getUsername().startsWith("engineer"))
                .extracting(e -> e.getUsername() + "=" + e.getRegion() + "/" + e.getTeam().getRegion())
                .containsExactlyInAnyOrder("engineer=CITY/CITY", "engineer2=COUNTY/COUNTY");
    }
}
