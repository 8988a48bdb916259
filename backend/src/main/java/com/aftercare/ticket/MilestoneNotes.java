package com.aftercare.ticket;

/** Milestone notes are kept short: what people typed, cut to the length the SLA log keeps. */
final class MilestoneNotes {

    private MilestoneNotes() {
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
