package com.aftercare.emailintake;

/** What the intake did with a mail (labels "mailOutcome"). */
public enum MailOutcome {
    OPENED, THREADED, DROPPED
}
