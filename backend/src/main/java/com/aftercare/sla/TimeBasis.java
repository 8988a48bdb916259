package com.aftercare.sla;

/** Natural (clock) time, or the working time of the contract's calendar (001: natural unless stated). */
public enum TimeBasis {
    NATURAL, WORKING
}
