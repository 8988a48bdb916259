package com.aftercare.asset;

/** Where a site lies; some contracts give county sites longer on-site times (SLA-3, SLA-9). */
public enum Region {
    CITY, COUNTY
}
