package com.aftercare.identity;

/**
 * What the account use cases need to know about customer units, implemented by the asset feature (which already
 * depends on identity: the interface keeps the two free of a cycle).
 */
public interface CustomerUnits {

    /** True when a customer unit with this id exists (active or not). */
    boolean exists(long customerId);
}
