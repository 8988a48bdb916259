package com.aftercare.sla;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The ticket whose case is being opened on this thread, until its escalation process first evaluates the clocks
 * (issue 17, ADR 0053). While a fault report records its milestones (received, level, first line) the escalation
 * that would hear a "clocks changed" signal does not exist yet: it starts last, in the same transaction, and derives
 * every clock from the milestones recorded so far. A signal in that window cannot find a listener, but each one still
 * cost a ticket read (with a flush of the ticket's pending update) and two engine queries; {@link ClockSignal}'s
 * implementation skips them. Once the escalation has evaluated ({@link #watched}), signals go out again, so nothing
 * recorded after its start is missed whatever order the model starts its branches in.
 * <p>
 * While a ticket is unwatched, its row was inserted by this very transaction: the opening's steps also skip reading
 * what such a ticket cannot have yet (a warranty assessment, a clock log, the board's clock rows; ADR 0062). A step
 * that runs after the first evaluation reads as before, so a model that reorders its steps costs statements, never
 * correctness.
 */
public final class CaseOpening {

    private static final ThreadLocal<Set<Long>> OPENING = ThreadLocal.withInitial(HashSet::new);

    private CaseOpening() {
    }

    /** Runs the opening of the ticket's case (its milestones and the start of its processes) on this thread. */
    public static <T> T open(Long ticketId, Supplier<T> opening) {
        Set<Long> opening0 = OPENING.get();
        boolean added = opening0.add(ticketId);
        try {
            return opening.get();
        } finally {
            if (added) {
                opening0.remove(ticketId);
            }
            if (opening0.isEmpty()) {
                OPENING.remove();
            }
        }
    }

    /** True while the ticket's case is being opened on this thread and no escalation has evaluated its clocks yet. */
    public static boolean unwatched(Long ticketId) {
        Set<Long> opening = OPENING.get();
        boolean unwatched = opening.contains(ticketId);
        if (opening.isEmpty()) {
            OPENING.remove();
        }
        return unwatched;
    }

    /** The ticket's escalation has read its clocks: from now on changes must be signalled. */
    public static void watched(Long ticketId) {
        Set<Long> opening = OPENING.get();
        opening.remove(ticketId);
        if (opening.isEmpty()) {
            OPENING.remove();
        }
    }
}
