package com.aftercare.change;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A supervisor judges a fault caused by a change (RP-5: the record says which change broke what, not only which faults
 * came after it). Any fault of the change's unit reported since its window opened may be judged so: a change to a
 * platform can break cameras it never named. The case's timeline carries the judgement, so whoever works the case sees it.
 */
@Service
public class MarkCausedFault {

    /** note: why the supervisor thinks so (optional). */
    @Schema(name = "NewCausedFault")
    public record NewCausedFault(Long ticketId, String note) {
    }

    static final int MAX_NOTE = 500;

    private final ChangeRequestRepository changes;
    private final ChangeCausedCaseRepository caused;
    private final ReadChanges views;
    private final FindTicket tickets;
    private final CaseTimeline timeline;
    private final Clock clock;

    MarkCausedFault(ChangeRequestRepository changes, ChangeCausedCaseRepository caused, ReadChanges views, FindTicket tickets,
            CaseTimeline timeline, Clock clock) {
        this.changes = changes;
        this.caused = caused;
        this.views = views;
        this.tickets = tickets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView mark(long id, NewCausedFault command) {
        ChangeRequest change = judgeable(views, id);
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        if (command == null || command.ticketId() == null) {
            errors.add(new BadRequestException.FieldError("ticketId", "is required"));
        }
        String note = ChangeRules.optional(command == null ? null : command.note(), "note", MAX_NOTE, errors);
        ChangeRules.throwIfAny(errors);
        if (change.getStatus() != ChangeStatus.IN_PROGRESS && change.getStatus() != ChangeStatus.DONE) {
            throw ConflictException.of("changeNotStarted", Map.of("number", change.number()));
        }
        Ticket ticket;
        try {
            ticket = tickets.get(command.ticketId());
        } catch (NotFoundException e) {
            throw new BadRequestException("ticketId", "unknown case " + command.ticketId());
        }
        if (ticket.getRequestType() != RequestType.FAULT) {
            throw new BadRequestException("ticketId", "case " + ticket.getNumber() + " is not a fault");
        }
        if (!ticket.getSite().getCustomer().getId().equals(change.getCustomerId())) {
            throw new BadRequestException("ticketId", "case " + ticket.getNumber() + " is not the change's customer unit's");
        }
        if (ticket.getReceivedAt().isBefore(change.getPlannedStart())) {
            throw new BadRequestException("ticketId", "case " + ticket.getNumber() + " was reported before the change's window");
        }
        if (caused.findByChangeIdAndTicketId(change.getId(), ticket.getId()).isPresent()) {
            throw alreadyCaused(change, ticket.getNumber());
        }
        // two supervisors at once: the second fails on the unique constraint here and the controller answers 409
        caused.saveAndFlush(new ChangeCausedCase(change.getId(), ticket.getId(), change.getCustomerId(), note,
                CurrentUser.username(), clock.instant().truncatedTo(ChronoUnit.MICROS)));
        timeline.record(ticket.getId(), new CaseEvent.CausedByChange(change.number(), change.getTitle(), note, true));
        return views.one(id);
    }

    /** The answer to the click that lost the race on the unique constraint: the same 409 as a later click gets. */
    @Transactional(readOnly = true)
    public ConflictException lostRace(long id, long ticketId) {
        return alreadyCaused(changes.findById(id).orElseThrow(), tickets.get(ticketId).getNumber());
    }

    private static ConflictException alreadyCaused(ChangeRequest change, String ticketNumber) {
        return ConflictException.of("faultAlreadyCaused", Map.of("number", change.number(), "ticket", ticketNumber));
    }

    /** The change, if the caller may judge what it caused: supervisors (a customer's user gets 404, as for reading it). */
    static ChangeRequest judgeable(ReadChanges views, long id) {
        ChangeRequest change = views.visible(id);
        if (CurrentUser.isCustomer() || !ChangeActor.current().isSupervisor()) {
            throw new ForbiddenException("Only a supervisor judges which faults a change caused");
        }
        return change;
    }
}
