package com.aftercare.probes;

/**
 * One kind of check. Implementations never throw for anything the device or network does: every
 * failure is a {@link CheckOutcome} with a {@link CheckReason}. They resolve every address through the
 * guard, honour the timeouts, and keep credentials out of targets, details and logs.
 */
public interface DeviceCheck {

    CheckKind kind();

    CheckOutcome run(DeviceEndpoint device, CheckRequest request, AddressGuard guard, Timeouts timeouts);
}
