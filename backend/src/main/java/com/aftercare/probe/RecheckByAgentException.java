package com.aftercare.probe;

import com.aftercare.common.ConflictException;

/**
 * A recheck asked for a device whose site a probe agent serves: this server probes from outside the customer's network
 * and would record a failure that says nothing, and the agent serves the case's own verification job only. Answered
 * 409 in the reader's language by {@link RecheckProblems} (ADR 0032 amendment, issue 14 gaps).
 */
public class RecheckByAgentException extends ConflictException {

    public RecheckByAgentException() {
        super("The devices of this site are checked by its probe agent; report the fix and the agent checks the device");
    }
}
