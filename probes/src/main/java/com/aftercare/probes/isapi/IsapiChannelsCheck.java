package com.aftercare.probes.isapi;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.CheckRequest;
import com.aftercare.probes.DeviceCheck;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/** STAND-IN until the SNMP/ISAPI helper (H4) builds it: fails every run. */
public final class IsapiChannelsCheck implements DeviceCheck {

    @Override
    public CheckKind kind() {
        return CheckKind.NVR_CHANNELS;
    }

    @Override
    public CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts) {
        return CheckOutcome.fail(kind(), "", CheckReason.NOT_SUPPORTED, "stand-in", 0);
    }
}
