package com.aftercare.change;

/** How a carried-out change ended: as planned, or undone by its fallback plan. */
public enum ChangeOutcome {
    SUCCEEDED, ROLLED_BACK
}
