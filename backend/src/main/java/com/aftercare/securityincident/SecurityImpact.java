package com.aftercare.securityincident;

/** How much harm the incident did; MAJOR is the contract's 恶性事件 / 影响重大的事件. In rising order. */
public enum SecurityImpact {
    MINOR, SERIOUS, MAJOR
}
