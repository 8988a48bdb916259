package com.aftercare.ticket;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.identity.CurrentUser;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The desk or a supervisor corrects the level; clocks are recomputed from receipt with paused time kept. */
@Service
@Validated
public class ChangeLevel {

    private static final Logger log = LoggerFactory.getLogger(ChangeLevel.class);

    /** level must also be one of the contract's scheme, which only the ticket's policy knows (checked below). */
    public record Command(@NotNull Long ticketId,
            @NotBlank(message = "is required") String level,
            @NotBlank(message = "say why the level changes (1 to 500 characters)")
            @Size(max = 500, message = "say why the level changes (1 to 500 characters)") String reason) {
    }

    private final LoadTicket load;
    private final PolicyCatalog policyCatalog;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;
    private final Clock clock;

    ChangeLevel(LoadTicket load, PolicyCatalog policyCatalog, RecordMilestone recordMilestone, CaseTimeline timeline, Clock clock) {
        this.load = load;
        this.policyCatalog = policyCatalog;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public Ticket change(@Valid Command command) {
        Ticket t = load.forAction(TicketAction.CHANGE_LEVEL, command.ticketId());
        String level = command.level();
        PolicyDefinition policy = policyCatalog.definition(t.getPolicyId());
        if (policy.level(level).isEmpty()) {
            throw new BadRequestException("level", "not a level of this contract's scheme; one of "
                    + policy.levels().stream().map(PolicyDefinition.LevelSpec::code).toList());
        }
        if (level.equals(t.getLevel())) {
            throw ConflictException.of("alreadyAtLevel");
        }
        String previous = t.getLevel();
        String reason = command.reason().trim();
        t.applyLevel(level);
        t.touch(clock.instant());
        timeline.record(t.getId(), new CaseEvent.LevelChanged(previous, level, reason));
        recordMilestone.record(t.getId(), MilestoneKind.LEVEL, "level " + previous + " -> " + level + ": " + reason);
        // every clock of the case moves with its level: worth a line in the server log (the case number is in its context)
        log.info("Level changed from {} to {} by {}", previous, level, CurrentUser.username());
        return t;
    }
}
