package com.aftercare.kpi;

/** Which cases behind a figure: those it counts as good, all it counts, or those that pulled it down. */
public enum DrillPart {
    NUMERATOR, DENOMINATOR, AGAINST
}
