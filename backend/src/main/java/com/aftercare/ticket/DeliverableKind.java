package com.aftercare.ticket;

import java.util.Arrays;

import com.aftercare.sla.MilestoneKind;

/**
 * What an engineer or the desk hands in against a clock: a solution plan, a contingency plan (SLA-6)
 * or a fault report (SLA-7). The names are the JSON values of POST /deliverables and the timeline types.
 */
public enum DeliverableKind {
    SOLUTION_PLAN(MilestoneKind.SOLUTION_PLAN),
    CONTINGENCY_PLAN(MilestoneKind.CONTINGENCY_PLAN),
    FAULT_REPORT(MilestoneKind.FAULT_REPORT);

    private final MilestoneKind milestone;

    DeliverableKind(MilestoneKind milestone) {
        this.milestone = milestone;
    }

    /** The milestone that stops this deliverable's clock. */
    public MilestoneKind milestone() {
        return milestone;
    }

    /** The kind a request names, or null when it names none we know (the command then reports the field). */
    public static DeliverableKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst().orElse(null);
    }
}
