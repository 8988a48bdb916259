package com.aftercare.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.BadRequestException.FieldError;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The phone system reports an incoming hotline call (IN-10). It may send a call once when it ends, or again as it
 * goes (rang, answered, ended) and again when its own delivery is retried: the same callId is one call, completed with
 * what a later report adds. A report that contradicts what is recorded (another start, another answer time) is a 409:
 * the figure the contract counts must not change under a confused client.
 */
@Service
public class RecordHotlineCall {

    static final int MAX_CALL_ID = 100;
    static final int MAX_NUMBER = 32;
    static final int MAX_AGENT = 100;
    /** The phone system's clock may run a little ahead of ours; more than this is a wrong date, not drift. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Schema(name = "HotlineCallReport")
    public record CallReport(String callId, String callerNumber, String calledNumber, Instant startedAt, Instant answeredAt,
            Instant endedAt, String agent) {
    }

    /** created: false when the callId was known (a resent or completing report). */
    public record Recorded(ReadHotlineCalls.CallView call, boolean created) {
    }

    private final HotlineCallRepository calls;
    private final ReadHotlineCalls views;
    private final NotificationService notifications;
    private final Clock clock;

    RecordHotlineCall(HotlineCallRepository calls, ReadHotlineCalls views, NotificationService notifications, Clock clock) {
        this.calls = calls;
        this.views = views;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public Recorded record(CallReport report) {
        HotlineDesk.require("report hotline calls");
        if (report == null) {
            throw new BadRequestException("body", "is required");
        }
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        String callId = text(report.callId(), "callId", MAX_CALL_ID, true, errors);
        String caller = number(report.callerNumber(), "callerNumber", true, errors);
        String called = number(report.calledNumber(), "calledNumber", false, errors);
        String agent = text(report.agent(), "agent", MAX_AGENT, false, errors);
        Instant started = micros(report.startedAt());
        Instant answered = micros(report.answeredAt());
        Instant ended = micros(report.endedAt());
        if (started == null) {
            errors.add(new FieldError("startedAt", "is required"));
        } else if (started.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("startedAt", "is in the future"));
        }
        if (answered != null && started != null && answered.isBefore(started)) {
            errors.add(new FieldError("answeredAt", "is before startedAt"));
        }
        if (ended != null && started != null && ended.isBefore(answered != null ? answered : started)) {
            errors.add(new FieldError("endedAt", "is before " + (answered != null ? "answeredAt" : "startedAt")));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        HotlineCall known = calls.findByCallId(callId).orElse(null);
        if (known == null) {
            HotlineCall call = new HotlineCall(callId, caller, called, started, CurrentUser.username(), micros(now));
            call.complete(answered, ended, agent);
            ReadHotlineCalls.CallView view = views.view(calls.saveAndFlush(call));
            tellDeskIfJustMissed(false, view, now);
            return new Recorded(view, true);
        }
        if (!known.getStartedAt().equals(started) || !known.getCallerNumber().equals(caller)
                || differs(known.getAnsweredAt(), answered) || differs(known.getEndedAt(), ended)) {
            // (another agent is not a contradiction: a transferred call names whoever had it last; the first is kept)
            throw ConflictException.of("hotlineCallContradicts", Map.of("callId", callId));
        }
        boolean missedBefore = missed(known);
        known.complete(answered, ended, agent);
        ReadHotlineCalls.CallView view = views.view(calls.saveAndFlush(known));
        tellDeskIfJustMissed(missedBefore, view, now);
        return new Recorded(view, false);
    }

    /** Ended without an answer: the caller gave up. A call still ringing is not missed yet. */
    private static boolean missed(HotlineCall call) {
        return call.getEndedAt() != null && !call.isAnswered();
    }

    /**
     * The desk hears of a missed call in the app once, when the report that makes it missed arrives, and only while its
     * half-hour reply is still possible: a phone system resending yesterday's calls must not fill the bell.
     */
    private void tellDeskIfJustMissed(boolean missedBefore, ReadHotlineCalls.CallView call, Instant now) {
        if (missedBefore || call.answered() || call.endedAt() == null || call.replyDueAt() == null
                || !call.replyDueAt().isAfter(now) || call.repliedAt() != null) {
            return;
        }
        String who = call.callerName() == null ? null
                : call.callerUnit() == null ? call.callerName() : call.callerName() + " · " + call.callerUnit();
        notifications.notifyRole(Role.SERVICE_DESK, null, new CaseEvent.HotlineCallMissed(call.callerNumber(), who,
                call.replyDueAt()), Labels.ZH, clock.getZone());
    }

    /** Known and sent, and not the same: a contradiction. Either one absent is not. */
    private static boolean differs(Object known, Object sent) {
        return known != null && sent != null && !Objects.equals(known, sent);
    }

    private static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "may have at most " + max + " characters"));
            return null;
        }
        return trimmed;
    }

    /** Digits with an optional leading +, as a phone system writes them; spaces and dashes dropped. */
    private static String number(String value, String field, boolean required, List<FieldError> errors) {
        String text = text(value, field, MAX_NUMBER, required, errors);
        if (text == null) {
            return null;
        }
        String digits = text.replaceAll("[\\s\\-()]", "");
        if (!digits.matches("\\+?[0-9]{3,32}")) {
            errors.add(new FieldError(field, "must be a phone number (digits, optionally a leading +)"));
            return null;
        }
        return digits;
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }
}
