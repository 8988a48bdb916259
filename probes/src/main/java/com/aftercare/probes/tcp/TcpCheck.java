package com.aftercare.probes.tcp;

import java.net.InetAddress;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;
import com.aftercare.probes.net.Failures;
import com.aftercare.probes.net.PinnedHttp;

/** TCP connect to one port (param "port", else the device's first TCP port): ICMP-free reachability. */
public final class TcpCheck implements DeviceCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.TCP;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        Integer port = request.params().containsKey("port") ? Integer.valueOf(request.intParam("port", 0))
                : device.tcpPorts().isEmpty() ? null : device.tcpPorts().get(0);
        if (port == null) {
            return CheckOutcome.notConfigured(kind(), "tcpPorts");
        }
        String where = (device.host() == null ? "?" : device.host()) + ":" + port;
        if (device.host() == null || device.host().isBlank()) {
            return CheckOutcome.fail(kind(), where, CheckReason.NO_ADDRESS, "device has no IP address", 0);
        }
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = guard.resolve(device.host(), port);
        } catch (AddressGuard.RefusedTarget e) {
            return CheckOutcome.fail(kind(), where, CheckReason.TARGET_REFUSED, e.getMessage(), 0);
        }
        try {
            new PinnedHttp(timeouts.connect(), timeouts.read()).connect(address, port);
            return CheckOutcome.pass(kind(), where, "connected", millisSince(start));
        } catch (PinnedHttp.Failure e) {
            return CheckOutcome.fail(kind(), where, Failures.reason(e), e.getMessage(), millisSince(start));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
