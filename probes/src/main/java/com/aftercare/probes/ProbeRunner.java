package com.aftercare.probes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.aftercare.probes.http.HttpCheck;
import com.aftercare.probes.isapi.IsapiChannelsCheck;
import com.aftercare.probes.isapi.IsapiRecordingsCheck;
import com.aftercare.probes.isapi.IsapiStorageCheck;
import com.aftercare.probes.onvif.OnvifMediaCheck;
import com.aftercare.probes.onvif.OnvifPtzCheck;
import com.aftercare.probes.rtsp.RtspStreamCheck;
import com.aftercare.probes.snmp.SnmpInterfacesCheck;
import com.aftercare.probes.snmp.SnmpUpsCheck;
import com.aftercare.probes.snmp.SnmpUptimeCheck;
import com.aftercare.probes.tcp.TcpCheck;

/** Runs a job's checks one after another with the same guard and timeouts; one outcome per check (TCP: one per port). */
public final class ProbeRunner {

    private final Map<CheckKind, DeviceCheck> checks = new EnumMap<>(CheckKind.class);
    private final Timeouts timeouts;

    public ProbeRunner(Timeouts timeouts) {
        this.timeouts = timeouts;
        for (DeviceCheck c : List.of(new TcpCheck(), new HttpCheck(), new RtspStreamCheck(), new OnvifMediaCheck(),
                new OnvifPtzCheck(), new SnmpUptimeCheck(), new SnmpInterfacesCheck(), new SnmpUpsCheck(),
                new IsapiStorageCheck(), new IsapiRecordingsCheck(), new IsapiChannelsCheck())) {
            checks.put(c.kind(), c);
        }
    }

    public List<CheckOutcome> run(ProbeJob job, AddressGuard guard) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (CheckRequest request : job.checks()) {
            if (request.kind() == CheckKind.TCP && job.device().tcpPorts().size() > 1) {
                // one outcome per port, so the case shows which port is closed
                for (Integer port : job.device().tcpPorts()) {
                    outcomes.add(checks.get(CheckKind.TCP).run(job.device(),
                            new CheckRequest(CheckKind.TCP, Map.of("port", String.valueOf(port))), guard, timeouts));
                }
            } else {
                outcomes.add(checks.get(request.kind()).run(job.device(), request, guard, timeouts));
            }
        }
        return outcomes;
    }
}
