package com.aftercare.inspection;

/** What an inspection is: one of a plan's cycles, or a severe-weather inspection the desk started (PM-3). */
public enum InspectionKind {
    WEEKLY, MONTHLY, QUARTERLY, HALF_YEARLY, WEATHER;

    static InspectionKind of(InspectionCycle cycle) {
        return valueOf(cycle.name());
    }
}
