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
 * Switch ports up (IF-MIB ifTable). With param "ports" (comma-separated ifIndex, e.g. the uplink and the
 * cameras' ports) exactly those must have ifOperStatus up(1); without it every port the administrator
 * enabled (ifAdminStatus up) must be up, since a port someone shut down on purpose is no fault. The detail
 * names the down ports by ifDescr ("down: 3 GigabitEthernet1/0/3 (down)").
 */
public final class SnmpInterfacesCheck implements DeviceCheck {

    static final OID IF_DESCR = new OID("1.3.6.1.2.1.2.2.1.2");
    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    private static final int UP = 1;
    private static final String[] OPER_STATES = { "", "up", "down", "testing", "unknown", "dormant", "notPresent", "lowerLayerDown" };

    @Override
    public CheckKind kind() {
        return CheckKind.SNMP_INTERFACES;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        List<Integer> ports;
        try {
            ports = SnmpSession.ints(request.params().getOrDefault("ports", ""));
        } catch (NumberFormatException e) {
            return CheckOutcome.fail(kind(), "", CheckReason.NOT_CONFIGURED, "param ports is not a list of ifIndex numbers", 0);
        }
        return SnmpSession.run(kind(), device, guard, timeouts, (session, start) -> {
            List<String> down = new ArrayList<>();
            int checked;
            if (!ports.isEmpty()) {
                checked = ports.size();
                for (int port : ports) {
                    OID oper = new OID(IF_OPER_STATUS).append(port);
                    OID descr = new OID(IF_DESCR).append(port);
                    Map<OID, Variable> answer = session.get(oper, descr);
                    Variable status = answer.get(oper);
                    if (SnmpSession.absent(status)) {
                        down.add(port + " (no such port)");
                    } else if (status.toInt() != UP) {
                        down.add(describe(port, answer.get(descr), status.toInt()));
                    }
                }
            } else {
                Map<OID, Map<OID, Variable>> table = session.columns(IF_ADMIN_STATUS, IF_OPER_STATUS, IF_DESCR);
                Map<OID, Variable> admin = table.get(IF_ADMIN_STATUS);
                if (admin.isEmpty()) {
                    return CheckOutcome.fail(kind(), session.shownTarget, CheckReason.NOT_SUPPORTED, "no IF-MIB ifTable",
                            SnmpSession.millisSince(start));
                }
                Map<OID, Variable> oper = table.get(IF_OPER_STATUS);
                Map<OID, Variable> descr = table.get(IF_DESCR);
                checked = 0;
                for (Map.Entry<OID, Variable> row : admin.entrySet()) {
                    if (row.getValue().toInt() != UP) {
                        continue;
                    }
                    checked++;
                    Variable status = oper.get(row.getKey());
                    if (SnmpSession.absent(status) || status.toInt() != UP) {
                        down.add(describe(row.getKey().last(), descr.get(row.getKey()), SnmpSession.absent(status) ? 4 : status.toInt()));
                    }
                }
            }
            long millis = SnmpSession.millisSince(start);
            return down.isEmpty()
                    ? CheckOutcome.pass(kind(), session.shownTarget, checked + " ports up", millis)
                    : CheckOutcome.fail(kind(), session.shownTarget, CheckReason.INTERFACE_DOWN,
                            "down: " + String.join(", ", down) + " (" + down.size() + " of " + checked + ")", millis);
        });
    }

    private static String describe(int ifIndex, Variable descr, int status) {
        String name = SnmpSession.absent(descr) ? "" : " " + printable(descr.toString());
        String state = status > 0 && status < OPER_STATES.length ? OPER_STATES[status] : "status " + status;
        return ifIndex + name + " (" + state + ")";
    }

    /** ifDescr is the device's text: keep it short and printable before it reaches a case. */
    private static String printable(String s) {
        String clean = s.replaceAll("[^\\p{Print}]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
