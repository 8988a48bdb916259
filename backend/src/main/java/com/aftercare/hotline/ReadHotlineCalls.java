package com.aftercare.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.PersonNames;
import com.aftercare.ticket.FindCallers;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A month's hotline calls for the desk, newest first: all, the missed ones, or the missed ones still to call back.
 * Each names the caller when earlier cases know the number (FindCallers), so the desk knows whom it calls back.
 */
@Service
public class ReadHotlineCalls {

    static final int MAX_LISTED = 500;
    /** Callers looked up per list: the newest distinct numbers; older rows show the number only. */
    static final int MAX_LOOKUPS = 50;

    @Schema(name = "HotlineCallView")
    public record CallView(long id, String callId, String callerNumber, String calledNumber, Instant startedAt,
            Instant answeredAt, Instant endedAt, String agent, String agentName, boolean answered, Long waitSeconds,
            String callerName, String callerUnit, boolean laterAnswered, String callbackBy, String callbackByName,
            Instant callbackAt, String callbackNote, Instant replyDueAt, Instant repliedAt, Boolean replyLate) {
    }

    private final HotlineCallRepository calls;
    private final FindCallers callers;
    private final PersonNames names;
    private final Clock clock;

    ReadHotlineCalls(HotlineCallRepository calls, FindCallers callers, PersonNames names, Clock clock) {
        this.calls = calls;
        this.callers = callers;
        this.names = names;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CallView> list(String month, boolean missed, boolean open) {
        HotlineDesk.require("read the hotline's calls");
        HotlineMonth m = HotlineMonth.of(month, clock);
        PageRequest page = PageRequest.of(0, MAX_LISTED);
        List<HotlineCall> found = open ? calls.openMissed(m.from(), m.to(), page) : calls.between(m.from(), m.to(), missed, page);
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> numbers = new LinkedHashSet<>();
        found.forEach(c -> numbers.add(c.getCallerNumber()));
        Map<String, Instant> lastAnswered = new HashMap<>();
        calls.lastAnswered(numbers).forEach(r -> lastAnswered.put((String) r[0], (Instant) r[1]));
        Map<String, FindCallers.Caller> known = new HashMap<>();
        numbers.stream().limit(MAX_LOOKUPS).forEach(n -> known.put(n, caller(n)));
        ReplyClock replies = ReplyClock.forCalls(found, calls, clock.instant());
        return found.stream().map(c -> view(c, lastAnswered.get(c.getCallerNumber()), known.get(c.getCallerNumber()),
                replies.of(c))).toList();
    }

    CallView view(HotlineCall c) {
        Instant last = calls.lastAnswered(Set.of(c.getCallerNumber())).stream().map(r -> (Instant) r[1]).findFirst().orElse(null);
        return view(c, last, caller(c.getCallerNumber()), ReplyClock.forCalls(List.of(c), calls, clock.instant()).of(c));
    }

    private CallView view(HotlineCall c, Instant lastAnswered, FindCallers.Caller caller, ReplyClock.Reply reply) {
        Instant waitedUntil = c.getAnsweredAt() != null ? c.getAnsweredAt() : c.getEndedAt();
        Long wait = waitedUntil == null ? null : Duration.between(c.getStartedAt(), waitedUntil).toSeconds();
        return new CallView(c.getId(), c.getCallId(), c.getCallerNumber(), c.getCalledNumber(), c.getStartedAt(),
                c.getAnsweredAt(), c.getEndedAt(), c.getAgent(), c.getAgent() == null ? null : names.of(c.getAgent()),
                c.isAnswered(), wait, caller == null ? null : caller.name(),
                caller == null ? null : caller.customerName() != null ? caller.customerName() : caller.unit(),
                !c.isAnswered() && lastAnswered != null && lastAnswered.isAfter(c.getStartedAt()), c.getCallbackBy(),
                c.getCallbackBy() == null ? null : names.of(c.getCallbackBy()), c.getCallbackAt(), c.getCallbackNote(),
                reply == null ? null : reply.due(), reply == null ? null : reply.repliedAt(), reply == null ? null : reply.late());
    }

    /** The most recent caller the records know by this number; null when none, or when the number is too short or long to look up. */
    private FindCallers.Caller caller(String number) {
        // as the records end: without punctuation and without China's +86 / 0086 in front (a phone system's format)
        String digits = FindCallers.withoutCountryCode(number);
        if (!digits.matches("[0-9]{" + FindCallers.MIN_DIGITS + ",20}")) {
            return null;
        }
        // the number as the phone system gave it: the lookup takes the country code off once itself (stripping here too
        // would take "0086" off "+860086…" twice and could leave too few digits, a 400 for the whole list)
        return callers.byPhone(number).stream().findFirst().orElse(null);
    }
}
