package com.aftercare.sla;

/** Where a clock stands, derived from the ticket's milestones at a given instant. */
public enum ClockState {
    /** The level has no such clock, or its start event has not happened yet. */
    NOT_STARTED,
    RUNNING,
    PAUSED,
    /** Still running, past its due time. */
    BREACHED,
    /** Stopped in time. */
    MET,
    /** Stopped after its due time. */
    MISSED,
    /** Stopped because it no longer applies (e.g. resolved remotely before anyone went on site). */
    NOT_NEEDED;

    public boolean isStopped() {
        return this == MET || this == MISSED || this == NOT_NEEDED;
    }

    public boolean isRunning() {
        return this == RUNNING || this == BREACHED;
    }
}
