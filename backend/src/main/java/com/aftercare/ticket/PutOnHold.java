package com.aftercare.ticket;

import java.util.Map;
import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.ConflictException;
import com.aftercare.common.Labelled;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** Puts the case on hold: waiting for the customer or for parts. The policy says whether that pauses the clocks. */
@Service
@Validated
public class PutOnHold {

    /** reason: null when the request named none or an unknown one ({@link HoldReason#fromCode}). */
    public record Command(@NotNull Long ticketId,
            @NotNull(message = "one of [WAITING_CUSTOMER, WAITING_PARTS]") HoldReason reason,
            @Size(max = 1000, message = "at most 1000 characters") String note) {
    }

    private final LoadTicket load;
    private final ClockPause clockPause;
    private final CaseTimeline timeline;
    private final Clock clock;

    PutOnHold(LoadTicket load, ClockPause clockPause, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.clockPause = clockPause;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Ticket hold(@Valid Command command) {
        Ticket t = load.forAction(TicketAction.HOLD, command.ticketId());
        String reason = command.reason().name();
        if (reason.equals(t.getHoldReason())) {
            throw ConflictException.of("alreadyOnHold", Map.of("reason", new Labelled("holdReason", reason)));
        }
        ClockPause.Before before = clockPause.before(t);
        t.hold(reason);
        t.touch(clock.instant());
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        timeline.record(t.getId(), new CaseEvent.OnHold(reason, note));
        clockPause.settle(t, before, "hold " + reason, before.reason());
        return t;
    }
}
