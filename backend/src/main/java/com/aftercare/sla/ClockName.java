package com.aftercare.sla;

/**
 * The clocks a contract can run on a ticket (requirements §2 and IN-5..IN-8). When each starts and
 * stops is fixed here; how long it may run is the policy's choice.
 */
public enum ClockName {
    /** SLA-1/2/4 response: from receipt until an engineer accepts (work ready to start) or the desk solves it. */
    RESPONSE,
    /** SLA-2/3/5 on-site arrival: from receipt until the engineer checks in on site. */
    ON_SITE,
    /** SLA-1/2 resolution or restore: from receipt until resolved; a reopened case resumes it. */
    RESOLUTION,
    /** SLA-3 detailed solution / agreed plan: from receipt until the plan is submitted. */
    SOLUTION_PLAN,
    /** SLA-6 contingency plan for a paralysed system: from receipt until submitted, unless resolved first. */
    CONTINGENCY_PLAN,
    /** SLA-7 fault report: from the (final) resolution until the report is submitted. */
    FAULT_REPORT,
    /** IN-5 dispatch within 10 minutes of intake. */
    DISPATCH,
    /** IN-6 engineer confirms execution within 30 minutes of dispatch. */
    EXECUTION_CONFIRMED,
    /** IN-7 re-dispatch within 10 minutes of a reported delay or a declined job. */
    REDISPATCH,
    /** IN-8 an abnormal event reported by the engineer is taken up by the project manager within 20 minutes. */
    PM_REPORT,
    /**
     * RR-2 vendor return: from the device sent to the vendor until it is back. Its deadline is the repair slip's
     * (the contract's return rule), not a policy figure, it runs in natural time, and it never pauses: it runs
     * precisely while the case's own clocks wait for the vendor. Only cases with a slip have it.
     */
    VENDOR_RETURN,
    /**
     * IN-4 remote guidance at first line: from the start of the desk's first-line step until the desk completes it
     * (solved at the desk, or handed on to dispatch). Cases opened before the step recorded its start never run it.
     */
    REMOTE_GUIDANCE,
    /**
     * The request types' own clocks (ADR 0037, 0041): a consultation answered, a complaint replied to, a service
     * request fulfilled. The request feature computes each deadline on the contract's calendar and records it on the
     * milestone that starts the clock (REQUEST_CLOCK_STARTED, naming the clock), like the vendor return: no policy
     * figure, natural time from there, never paused; the case's resolution stops it. The request models' own timers
     * escalate them, so the escalation process never sees them.
     */
    CONSULTATION_ANSWER,
    COMPLAINT_REPLY,
    SERVICE_FULFILMENT;

    /** Whether this is one of the request types' clocks, which a fault case never runs. */
    public boolean isRequestClock() {
        return this == CONSULTATION_ANSWER || this == COMPLAINT_REPLY || this == SERVICE_FULFILMENT;
    }
}
