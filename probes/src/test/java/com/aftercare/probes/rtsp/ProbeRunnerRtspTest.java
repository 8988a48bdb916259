package com.aftercare.probes.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;
import com.aftercare.probes.ProbeRunner;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.rtsp.TestRtspServer.Auth;
import com.aftercare.probes.rtsp.TestRtspServer.Behaviour;

/** A job as the server or the agent runs it: the runner hands the RTSP check the job's device and its own media timeout. */
class ProbeRunnerRtspTest {

    @Test
    void aJobWithAStreamCheckIsRunByTheRealCheckWithTheRunnersMediaTimeout() throws Exception {
        try (TestRtspServer streaming = new TestRtspServer(Auth.DIGEST, Behaviour.STREAM, "admin", "pw", false);
                TestRtspServer silent = new TestRtspServer(Auth.DIGEST, Behaviour.SILENT, "admin", "pw", false)) {
            ProbeRunner runner = new ProbeRunner(new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(400)));
            DeviceEndpoint good = new DeviceEndpoint("127.0.0.1", List.of(), null, false, "admin", "pw", streaming.url(), null,
                    null, null, null, null);
            DeviceEndpoint dark = new DeviceEndpoint("127.0.0.1", List.of(), null, false, "admin", "pw", silent.url(), null,
                    null, null, null, null);

            List<CheckOutcome> ok = runner.run(new ProbeJob(good, List.of(CheckRequest.of(CheckKind.RTSP_STREAM)), List.of()),
                    AddressGuard.anyAddress());
            List<CheckOutcome> noMedia = runner.run(new ProbeJob(dark, List.of(CheckRequest.of(CheckKind.RTSP_STREAM)), List.of()),
                    AddressGuard.anyAddress());

            assertThat(ok).singleElement().satisfies(o -> assertThat(o.reason()).isEqualTo(CheckReason.OK));
            assertThat(noMedia).singleElement().satisfies(o -> {
                assertThat(o.reason()).isEqualTo(CheckReason.NO_MEDIA);
                assertThat(o.detail()).isEqualTo("no RTP packet within 400 ms after PLAY");
            });
        }
    }
}
