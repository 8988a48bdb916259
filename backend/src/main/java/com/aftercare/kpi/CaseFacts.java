package com.aftercare.kpi;

import java.time.Instant;
import java.util.List;

/**
 * What the KPIs need to know of one case, read from its history (milestones, clock log, timeline), not from the
 * summary fields the case row overwrites. Times are ascending.
 *
 * @param fault          request type FAULT (a consultation reported as a fault counts; complaints and service
 *                       requests do not)
 * @param resolved       every RESOLVED milestone (fixed, solved at the desk, or service restored with a loaner)
 * @param lastResolvedHow AT_DESK or ON_SITE from the last Resolved timeline line; null without one
 * @param lastResolvedLate that line's verdict: after the resolution deadline
 * @param clockMissed    some clock's final word in the clock log is MISSED, or a request's own clock ran out
 * @param repeatRepair   flagged as a repeat repair of an earlier case on the device (RR-5)
 * @param duplicate      closed as a duplicate of another case: not a service of its own, counted nowhere
 */
record CaseFacts(long id, long customerId, boolean fault, String category, String level, Long deviceId, Instant receivedAt,
        List<Instant> resolved, List<Instant> reopened, List<Instant> closed, String lastResolvedHow, boolean lastResolvedLate,
        boolean clockMissed, boolean repeatRepair, boolean duplicate) {

    /** The instant it was last closed if that lies in [from, to) and it was not reopened since; else null. */
    Instant closedWithin(Instant from, Instant to) {
        if (duplicate || closed.isEmpty()) {
            return null;
        }
        Instant last = closed.get(closed.size() - 1);
        boolean reopenedSince = !reopened.isEmpty() && reopened.get(reopened.size() - 1).isAfter(last);
        if (reopenedSince || last.isBefore(from) || !last.isBefore(to)) {
            return null;
        }
        return last;
    }

    boolean wasReopened() {
        return !reopened.isEmpty();
    }

    /**
     * The spans its device was down: from receipt to the next resolution, and from each reopening to the next
     * resolution; a span without a resolution ends when the case was closed, or is still open (end null).
     */
    List<Instant[]> downSpans() {
        List<Instant[]> spans = new java.util.ArrayList<>();
        List<Instant> starts = new java.util.ArrayList<>();
        starts.add(receivedAt);
        starts.addAll(reopened);
        for (Instant start : starts) {
            Instant end = resolved.stream().filter(r -> !r.isBefore(start)).findFirst()
                    .orElseGet(() -> closed.stream().filter(c -> !c.isBefore(start)).findFirst().orElse(null));
            spans.add(new Instant[] { start, end });
        }
        return spans;
    }
}
