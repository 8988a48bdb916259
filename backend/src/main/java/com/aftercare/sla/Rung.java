package com.aftercare.sla;

import java.time.Instant;

/** One rung of the escalation ladder for one clock, and the instant it became due. */
public record Rung(int level, PolicyDefinition.EscalationStep step, Instant dueAt) {
}
