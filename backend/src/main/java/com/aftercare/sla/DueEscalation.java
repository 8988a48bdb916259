package com.aftercare.sla;

import java.time.Instant;
import java.util.List;

/**
 * What one clock owes at this instant: the rungs crossed since the last recorded level, lowest first (more than
 * one when the run is late or a level change shortened the clock), or a repeat of the current rung. The highest
 * rung is the clock's new level; {@code owedSince} is when the first of them could have been sent, so
 * now - owedSince is how late this run is.
 */
public record DueEscalation(ClockName clock, List<Rung> rungs, boolean repeat, ClockStatus status, Instant owedSince) {

    public DueEscalation {
        rungs = List.copyOf(rungs);
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("a due escalation has at least one rung");
        }
    }

    /** The rung the clock ends on. */
    public Rung highest() {
        return rungs.get(rungs.size() - 1);
    }

    public int level() {
        return highest().level();
    }

    public PolicyDefinition.EscalationStep step() {
        return highest().step();
    }

    /** When the first owed rung was due. */
    public Instant firstDueAt() {
        return rungs.get(0).dueAt();
    }
}
