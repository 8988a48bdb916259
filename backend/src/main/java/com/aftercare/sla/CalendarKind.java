package com.aftercare.sla;

/** The contract's service hours: round the clock, or Mon-Fri office hours with a lunch break and Chinese holidays. */
public enum CalendarKind {
    SEVEN_BY_24, FIVE_BY_8
}
