package com.aftercare.probes.snmp;

import java.time.Duration;
import java.util.Map;

import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/**
 * SNMP sysUpTime.0 answered (v2c or v3): the agent is alive and accepts our community or user. The detail
 * carries the uptime, so a device that rebooted a minute ago (a power cut on site) can be told from one up for months.
 */
public final class SnmpUptimeCheck implements DeviceCheck {

    static final OID SYS_UP_TIME = SnmpConstants.sysUpTime;

    @Override
    public CheckKind kind() {
        return CheckKind.SNMP_UPTIME;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        return SnmpSession.run(kind(), device, guard, timeouts, (session, start) -> {
            Map<OID, Variable> answer = session.get(SYS_UP_TIME);
            Variable uptime = answer.get(SYS_UP_TIME);
            if (!(uptime instanceof TimeTicks ticks)) {
                return CheckOutcome.fail(kind(), session.shownTarget, CheckReason.PROTOCOL_ERROR,
                        "sysUpTime missing or not TimeTicks", SnmpSession.millisSince(start));
            }
            Duration up = Duration.ofMillis(ticks.toMilliseconds());
            return CheckOutcome.pass(kind(), session.shownTarget,
                    "uptime " + up.toDays() + "d " + up.toHoursPart() + "h " + up.toMinutesPart() + "m", SnmpSession.millisSince(start));
        });
    }
}
