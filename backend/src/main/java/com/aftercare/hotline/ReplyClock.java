package com.aftercare.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a missed call was replied to (seed 004: 半小时内回复客户电话): the earlier of the desk's callback and the same
 * caller's next answered call (they got through, nobody needs to call back). The reply is owed within
 * {@link HotlineDesk#REPLY_WITHIN} of the moment the caller gave up (the call's end; its start when no end was reported).
 */
final class ReplyClock {

    /** due: when the reply is owed; repliedAt: null while none; late: replied after due, or none and due has passed. */
    record Reply(Instant due, Instant repliedAt, boolean late) {

        boolean inTime() {
            return repliedAt != null && !late;
        }

        /** A call still inside its 30 minutes with no reply yet counts neither way. */
        boolean counted() {
            return repliedAt != null || late;
        }
    }

    /** Per caller number, the starts of their answered calls, oldest first. */
    private final Map<String, List<Instant>> answeredStarts = new HashMap<>();
    private final Instant now;

    private ReplyClock(Instant now) {
        this.now = now;
    }

    /** The replies of these calls' missed ones, reading when their callers got through later. */
    static ReplyClock forCalls(Collection<HotlineCall> calls, HotlineCallRepository repository, Instant now) {
        List<HotlineCall> missed = calls.stream().filter(c -> !c.isAnswered()).toList();
        if (missed.isEmpty()) {
            return new ReplyClock(now);
        }
        Instant first = missed.stream().map(HotlineCall::getStartedAt).min(Instant::compareTo).orElseThrow();
        java.util.Set<String> numbers = new java.util.HashSet<>();
        missed.forEach(c -> numbers.add(c.getCallerNumber()));
        return of(repository.answeredSince(numbers, first), now);
    }

    /** rows: (caller number, start) of answered calls, oldest first, from the first missed call on. */
    static ReplyClock of(Collection<Object[]> answeredRows, Instant now) {
        ReplyClock clock = new ReplyClock(now);
        answeredRows.forEach(r -> clock.answeredStarts.computeIfAbsent((String) r[0], n -> new ArrayList<>()).add((Instant) r[1]));
        return clock;
    }

    /** The reply of a missed call; null for an answered one. */
    Reply of(HotlineCall call) {
        if (call.isAnswered()) {
            return null;
        }
        Instant gaveUp = call.getEndedAt() != null ? call.getEndedAt() : call.getStartedAt();
        Instant due = gaveUp.plus(HotlineDesk.REPLY_WITHIN);
        Instant replied = call.getCallbackAt();
        for (Instant start : answeredStarts.getOrDefault(call.getCallerNumber(), List.of())) {
            if (start.isAfter(call.getStartedAt())) {
                if (replied == null || start.isBefore(replied)) {
                    replied = start;
                }
                break;
            }
        }
        boolean late = replied != null ? replied.isAfter(due) : now.isAfter(due);
        return new Reply(due, replied, late);
    }
}
