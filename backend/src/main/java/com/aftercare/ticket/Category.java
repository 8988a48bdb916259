package com.aftercare.ticket;

/** IN-3: a consultation is solved at first line; a system defect is analysed, fixed and answered with its cause. */
public enum Category {
    CONSULTATION, DEFECT
}
