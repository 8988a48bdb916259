package com.aftercare.hotline;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;

import io.swagger.v3.oas.annotations.media.Schema;

/** The desk called a missed caller back (回拨): who, when, what came of it. Once per call. */
@Service
public class RecordHotlineCallback {

    static final int MAX_NOTE = 500;

    @Schema(name = "HotlineCallback")
    public record Callback(String note) {
    }

    private final HotlineCallRepository calls;
    private final ReadHotlineCalls views;
    private final Clock clock;

    RecordHotlineCallback(HotlineCallRepository calls, ReadHotlineCalls views, Clock clock) {
        this.calls = calls;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    public ReadHotlineCalls.CallView record(long id, Callback body) {
        HotlineDesk.require("record callbacks");
        String note = body == null || body.note() == null || body.note().isBlank() ? null : body.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw new BadRequestException("note", "may have at most " + MAX_NOTE + " characters");
        }
        if (calls.lock(id) == null) {
            throw new NotFoundException("No hotline call " + id);
        }
        HotlineCall call = calls.findById(id).orElseThrow(() -> new NotFoundException("No hotline call " + id));
        if (call.isAnswered()) {
            throw ConflictException.of("hotlineCallAnswered", Map.of("number", call.getCallerNumber()));
        }
        if (call.getCallbackAt() != null) {
            throw ConflictException.of("hotlineCallbackDone", Map.of("number", call.getCallerNumber()));
        }
        call.calledBack(CurrentUser.username(), clock.instant().truncatedTo(ChronoUnit.MICROS), note);
        return views.view(calls.saveAndFlush(call));
    }
}
