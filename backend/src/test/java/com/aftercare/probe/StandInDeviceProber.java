package com.aftercare.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.aftercare.outbound.OutboundTargets;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.ProbeJob;

/**
 * STAND-IN for the protocol checks other helpers write (ISAPI storage/recordings/channels, RTSP, ONVIF PTZ): until
 * they land, the process tests give the policy's checks a device state to judge (free space, days of recordings per
 * channel, whether PTZ moves) and compare it with the thresholds the policy sent in the job, as the real checks do.
 * TCP and HTTP run for real. Every job is kept so tests can see what the server asked for. Replace by end-to-end
 * tests against the real peers after merge (see docs/verification-policies.md).
 */
public class StandInDeviceProber extends DeviceProber {

    /** Free space per recorder (its ISAPI URL), in GB. */
    public final Map<String, Double> freeGb = new ConcurrentHashMap<>();
    /** Days of recordings per recorder and channel ("isapiUrl#channel"); "isapiUrl#*" for the recorder as a whole. */
    public final Map<String, Integer> recordingDays = new ConcurrentHashMap<>();
    /** Whether a PTZ camera (its ONVIF URL) moves; absent: it does. */
    public final Map<String, Boolean> ptzMoves = new ConcurrentHashMap<>();
    public final List<ProbeJob> jobs = new CopyOnWriteArrayList<>();

    public StandInDeviceProber(OutboundTargets targets) {
        super(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3), targets);
    }

    public void reset() {
        freeGb.clear();
        recordingDays.clear();
        ptzMoves.clear();
        jobs.clear();
    }

    @Override
    public List<CheckOutcome> run(ProbeJob job, String siteNetworks) {
        jobs.add(job);
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckRequest request : job.checks()) {
            CheckOutcome standIn = standIn(job.device(), request);
            outcomes.addAll(standIn != null ? List.of(standIn)
                    : super.run(new ProbeJob(job.device(), List.of(request), job.siteNetworks()), siteNetworks));
        }
        return outcomes;
    }

    private CheckOutcome standIn(DeviceEndpoint d, CheckRequest r) {
        CheckKind kind = r.kind();
        return switch (kind) {
            case RTSP_STREAM -> CheckOutcome.pass(kind, d.rtspUrl(), "media received", 1);
            case NVR_CHANNELS -> CheckOutcome.pass(kind, isapi(d), "channels online", 1);
            case NVR_STORAGE -> {
                double free = freeGb.getOrDefault(isapi(d), 1000.0);
                double min = r.doubleParam("minFreeGb", 0);
                String detail = "free " + free + " GB; minimum " + min + " GB";
                yield free >= min ? CheckOutcome.pass(kind, isapi(d), detail, 1)
                        : CheckOutcome.fail(kind, isapi(d), CheckReason.LOW_FREE_SPACE, detail, 1);
            }
            case NVR_RECORDINGS -> {
                String key = isapi(d) + "#" + (d.recorder() != null ? String.valueOf(d.channel()) : "*");
                int days = recordingDays.getOrDefault(key, 365);
                int min = r.intParam("minDays", 0);
                String detail = "recordings span " + days + " days; minimum " + min;
                yield days >= min ? CheckOutcome.pass(kind, key, detail, 1)
                        : CheckOutcome.fail(kind, key, CheckReason.SHORT_RECORDINGS, detail, 1);
            }
            case ONVIF_PTZ -> ptzMoves.getOrDefault(d.onvifUrl(), true) ? CheckOutcome.pass(kind, d.onvifUrl(), "moved", 1)
                    : CheckOutcome.fail(kind, d.onvifUrl(), CheckReason.PTZ_DID_NOT_MOVE, "position unchanged", 1);
            default -> null;
        };
    }

    /** Where a device's recordings are: a camera's recorder, else the NVR itself. */
    private static String isapi(DeviceEndpoint d) {
        return d.recorder() != null ? d.recorder().isapiUrl() : d.isapiUrl();
    }
}
