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
    private final Clock clock;

    RecordHotlineCall(HotlineCallRepository calls, ReadHotlineCalls views, Clock clock) {
        this.calls = calls;
        this.views = views;
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
            return new Recorded(views.view(calls.saveAndFlush(call)), true);
        }
        if (!known.getStartedAt().equals(started) || !known.getCallerNumber().equals(caller)
                || differs(known.getAnsweredAt(), answered) || differs(known.getEndedAt(), ended)) {
            // (another agent is not a contradiction: a transferred call names whoever had it last; the first is kept)
            throw ConflictException.of("hotlineCallContradicts", Map.of("callId", callId));
        }
        known.complete(answered, ended, agent);
        return new Recorded(views.view(calls.saveAndFlush(known)), false);
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
