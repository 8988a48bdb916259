package com.aftercare.emailintake;

/**
 * What the intake did with a mail (labels "mailOutcome"): opened a case, joined one, reopened a case closed only days
 * ago, opened a new case linked to one closed longer ago (FOLLOW_UP), or dropped it.
 */
public enum MailOutcome {
    OPENED, THREADED, REOPENED, FOLLOW_UP, DROPPED
}
