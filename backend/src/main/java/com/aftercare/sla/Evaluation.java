package com.aftercare.sla;

import java.time.Instant;
import java.util.List;

/** What the escalation process does next with a ticket, and the clocks that decided it. */
public record Evaluation(Outcome outcome, Instant nextAt, List<ClockStatus> clocks) {

    public enum Outcome {
        /** The ticket is closed and no clock is left running: the escalation process ends. */
        FINISHED,
        /** A clock stopped while escalated: tell its recipients it is over. */
        DEESCALATE,
        /** Nothing is scheduled (paused, not started, or no rung left): wait until the clocks change. */
        WAIT,
        /** Wait for {@code nextAt}, or until the clocks change, whichever is first. */
        TIMER
    }
}
