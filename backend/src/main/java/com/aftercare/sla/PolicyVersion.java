package com.aftercare.sla;

import java.time.Instant;

/** One stored version of an SLA policy, with its definition read. */
public record PolicyVersion(Long id, String code, int version, boolean current, Instant createdAt, String createdBy,
        PolicyDefinition definition) {
}
