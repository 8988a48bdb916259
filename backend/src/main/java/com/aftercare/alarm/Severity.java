package com.aftercare.alarm;

import java.util.Locale;
import java.util.Optional;

import com.aftercare.ticket.Grade;

/**
 * The four severities of the generic format (PagerDuty Events v2) and the impact and urgency a case gets from them;
 * the fault level then follows from the contract's decision table like for any other report (docs/alarms.md).
 * critical: the system is down (high/high); error: a part of it is (high/medium); warning: degraded or at risk
 * (medium/medium); info: worth a look (low/low).
 */
public enum Severity {
    CRITICAL(Grade.HIGH, Grade.HIGH),
    ERROR(Grade.HIGH, Grade.MEDIUM),
    WARNING(Grade.MEDIUM, Grade.MEDIUM),
    INFO(Grade.LOW, Grade.LOW);

    private final Grade impact;
    private final Grade urgency;

    Severity(Grade impact, Grade urgency) {
        this.impact = impact;
        this.urgency = urgency;
    }

    public Grade impact() { return impact; }
    public Grade urgency() { return urgency; }

    /** critical|error|warning|info as the generic format spells them (lower case), nothing else. */
    static Optional<Severity> ofGeneric(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Severity s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
