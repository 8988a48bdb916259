package com.aftercare.probes.snmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.snmp4j.smi.OID;
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
 * UPS healthy by the standard UPS-MIB (RFC 1628), which most network cards of UPS vendors serve:
 * upsBatteryStatus normal(2) and upsOutputSource normal(3). Battery low or depleted, on battery, on
 * bypass or no output is UPS_ALARM with both facts and the charge and runtime left when the UPS gives them;
 * a device without UPS-MIB is NOT_SUPPORTED (vendor MIBs are not read).
 */
public final class SnmpUpsCheck implements DeviceCheck {

    static final OID BATTERY_STATUS = new OID("1.3.6.1.2.1.33.1.2.1.0");
    static final OID MINUTES_REMAINING = new OID("1.3.6.1.2.1.33.1.2.3.0");
    static final OID CHARGE_REMAINING = new OID("1.3.6.1.2.1.33.1.2.4.0");
    static final OID OUTPUT_SOURCE = new OID("1.3.6.1.2.1.33.1.4.1.0");
    private static final int BATTERY_NORMAL = 2;
    private static final int OUTPUT_NORMAL = 3;
    private static final String[] BATTERY = { "", "unknown", "normal", "low", "depleted" };
    private static final String[] OUTPUT = { "", "other", "none", "normal", "bypass", "battery", "booster", "reducer" };

    @Override
    public CheckKind kind() {
        return CheckKind.SNMP_UPS;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        return SnmpSession.run(kind(), device, guard, timeouts, (session, start) -> {
            Map<OID, Variable> answer = session.get(BATTERY_STATUS, OUTPUT_SOURCE, CHARGE_REMAINING, MINUTES_REMAINING);
            Variable battery = answer.get(BATTERY_STATUS);
            Variable output = answer.get(OUTPUT_SOURCE);
            long millis = SnmpSession.millisSince(start);
            if (SnmpSession.absent(battery) || SnmpSession.absent(output)) {
                return CheckOutcome.fail(kind(), session.shownTarget, CheckReason.NOT_SUPPORTED, "no UPS-MIB (RFC 1628)", millis);
            }
            List<String> facts = new ArrayList<>();
            facts.add("battery " + name(BATTERY, battery.toInt()));
            facts.add("output " + name(OUTPUT, output.toInt()));
            Variable charge = answer.get(CHARGE_REMAINING);
            if (!SnmpSession.absent(charge)) {
                facts.add("charge " + charge.toInt() + " %");
            }
            Variable minutes = answer.get(MINUTES_REMAINING);
            if (!SnmpSession.absent(minutes)) {
                facts.add(minutes.toInt() + " min left");
            }
            String detail = String.join(", ", facts);
            return battery.toInt() == BATTERY_NORMAL && output.toInt() == OUTPUT_NORMAL
                    ? CheckOutcome.pass(kind(), session.shownTarget, detail, millis)
                    : CheckOutcome.fail(kind(), session.shownTarget, CheckReason.UPS_ALARM, detail, millis);
        });
    }

    private static String name(String[] names, int value) {
        return value > 0 && value < names.length ? names[value] : "status " + value;
    }
}
