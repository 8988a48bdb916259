package com.aftercare.emailintake;

/** Why a mail opened no case and joined none (labels "mailReason"). */
public enum DropReason {
    /** Auto-Submitted, X-Autoreply, Precedence auto_reply, an out-of-office subject. */
    AUTO_REPLY,
    /** A delivery status notification: mailer-daemon, postmaster, multipart/report, empty Return-Path. */
    BOUNCE,
    /** Our own mail come back: our From, our Message-ID, our X-Loop. */
    LOOP,
    /** Precedence bulk, junk or list. */
    BULK,
    /** From nobody we know, and no site to open a case for triage at. */
    NO_TRIAGE_SITE
}
