package com.aftercare.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One check of a probe run (a {@link com.aftercare.probes.CheckKind}), with what happened. */
@Embeddable
public record ProbeCheck(
        @Column(name = "kind") String kind,
        @Column(name = "target") String target,
        @Column(name = "ok") boolean ok,
        @Column(name = "detail") String detail,
        @Column(name = "duration_millis") long durationMillis,
        /** The CheckReason code (labels "probeReason"); null on results from before issue 14. */
        @Column(name = "reason") String reason) {

    /** As kept on the case: the check's kind name, target, verdict, reason code and facts. */
    public static ProbeCheck of(com.aftercare.probes.CheckOutcome outcome) {
        return new ProbeCheck(outcome.kind().name(), outcome.target() == null ? "" : outcome.target(), outcome.ok(),
                outcome.detail(), outcome.durationMillis(), outcome.reason() == null ? null : outcome.reason().name());
    }
}
