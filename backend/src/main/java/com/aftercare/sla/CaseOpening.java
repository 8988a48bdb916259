package com.aftercare.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>
 * The milestones recorded while a ticket is unwatched are kept here too ({@link #recorded}): they are all the
 * milestones such a ticket has (its row is this transaction's, and every milestone goes through {@link RecordMilestone}),
 * so the first evaluation takes them from {@link #watched} instead of querying them, which also spared Hibernate's
 * flush of the pending case before that query (ADR 0074).
 */
public final class CaseOpening {

    private static final ThreadLocal<Map<Long, List<Milestone>>> OPENING = ThreadLocal.withInitial(HashMap::new);

    /** The order in which the milestones of a ticket are read back (MilestoneRepository's "OrderByOccurredAtAscIdAsc"). */
    static final Comparator<Milestone> READ_ORDER = Comparator.comparing(Milestone::getOccurredAt)
            .thenComparing(Milestone::getId, Comparator.nullsLast(Comparator.naturalOrder()));

    private CaseOpening() {
    }

    /** Runs the opening of the ticket's case (its milestones and the start of its processes) on this thread. */
    public static <T> T open(Long ticketId, Supplier<T> opening) {
        Map<Long, List<Milestone>> opening0 = OPENING.get();
        boolean added = opening0.putIfAbsent(ticketId, new ArrayList<>()) == null;
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
        Map<Long, List<Milestone>> opening = OPENING.get();
        boolean unwatched = opening.containsKey(ticketId);
        if (opening.isEmpty()) {
            OPENING.remove();
        }
        return unwatched;
    }

    /** A milestone of the ticket was written; kept if the ticket is still unwatched (it is one of the opening's). */
    static void recorded(Milestone milestone) {
        Map<Long, List<Milestone>> opening = OPENING.get();
        List<Milestone> recorded = opening.get(milestone.getTicketId());
        if (recorded != null) {
            recorded.add(milestone);
        }
        if (opening.isEmpty()) {
            OPENING.remove();
        }
    }

    /**
     * The ticket's escalation is reading its clocks: from now on changes must be signalled. Returns, while the ticket
     * was unwatched, every milestone it has (those recorded during its opening, in the order the repository reads
     * them); null when it was not (the caller reads them from the database as ever).
     */
    public static List<Milestone> watched(Long ticketId) {
        Map<Long, List<Milestone>> opening = OPENING.get();
        List<Milestone> recorded = opening.remove(ticketId);
        if (opening.isEmpty()) {
            OPENING.remove();
        }
        if (recorded == null) {
            return null;
        }
        List<Milestone> ordered = new ArrayList<>(recorded);
        ordered.sort(READ_ORDER);
        return List.copyOf(ordered);
    }
}
