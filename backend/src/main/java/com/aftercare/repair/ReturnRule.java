package com.aftercare.repair;

/**
 * When the vendor owes the device back (RR-2), a contract's choice: five working days after sending (the business
 * calendar's Chinese holidays and make-up workdays count), or before the second weekend after the day it was sent.
 */
public enum ReturnRule {
    FIVE_WORKING_DAYS, BEFORE_SECOND_WEEKEND
}
