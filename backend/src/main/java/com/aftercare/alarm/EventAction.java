package com.aftercare.alarm;

/** What a monitoring event says about its alarm, after the PagerDuty Events v2 event_action. */
public enum EventAction {
    TRIGGER, ACKNOWLEDGE, RESOLVE
}
