package com.aftercare.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.CurrentUser;

/**
 * PM-4: the inspection time agreed with the customer: in the portal by the customer's user, or recorded by the desk
 * from a call. Agreed again before the checklist is done, it moves the visit to another day (counted). The time may
 * not lie before today nor after the due date's window plus a week (a typo of a year is refused).
 */
@Service
@Validated
public class AgreeInspectionTime {

    public record AgreeCommand(@NotNull Instant at, @NotNull Long version) {
    }

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final InspectionProcess process;
    private final Clock clock;

    AgreeInspectionTime(Inspections inspections, InspectionRepository repository, InspectionProcess process, Clock clock) {
        this.inspections = inspections;
        this.repository = repository;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public Inspection agree(long id, @Valid AgreeCommand command) {
        Inspection inspection = inspections.visible(id);
        if (command.version() != inspection.getVersion()) {
            throw new com.aftercare.common.ConflictException("Inspection " + id + " was changed meanwhile; reload it");
        }
        LocalDate day = command.at().atZone(clock.getZone()).toLocalDate();
        if (day.isBefore(LocalDate.now(clock))) {
            throw new BadRequestException("at", "the agreed time lies in the past");
        }
        if (command.at().isAfter(inspection.getDueAt().plus(java.time.Duration.ofDays(7)))) {
            throw new BadRequestException("at", "the agreed time lies more than a week after the inspection is due");
        }
        AgreedVia via = CurrentUser.isCustomer() ? AgreedVia.PORTAL : AgreedVia.CALL;
        boolean first = inspection.agree(command.at(), CurrentUser.username(), via);
        repository.saveAndFlush(inspection);
        if (first) {
            process.timeAgreed(id);
        }
        return inspection;
    }
}
