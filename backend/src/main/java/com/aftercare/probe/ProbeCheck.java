package com.aftercare.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One check of a probe run: a TCP connect or an HTTP(S) GET, with what happened. */
@Embeddable
public record ProbeCheck(
        @Column(name = "kind") String kind,
        @Column(name = "target") String target,
        @Column(name = "ok") boolean ok,
        @Column(name = "detail") String detail,
        @Column(name = "duration_millis") long durationMillis) {
}
