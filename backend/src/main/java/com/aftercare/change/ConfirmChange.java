package com.aftercare.change;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.PersonNames;
import com.aftercare.identity.Role;
import com.aftercare.ticket.event.CaseEvent;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The customer signs a finished change off (用户确认): their technician checks the system after the change and
 * accepts it, or does not and says why (as VC-2 asks after maintenance: 系统维护完成后由采购人的技术人员进行系统测试并确认).
 * A user of the unit does it in the portal; the desk or a supervisor records it for them (a phone call), naming the
 * customer's person. Once per change, and only after its outcome is in; not accepted tells the supervisors and the
 * implementer.
 */
@Service
public class ConfirmChange {

    /** confirmedByName: the customer's person who confirmed; asked only when staff record it for them. */
    @Schema(name = "ChangeConfirmation")
    public record Confirmation(Boolean accepted, String opinion, String confirmedByName) {
    }

    /** Staff who may record the customer's sign-off for them. */
    static final Set<Role> RECORDERS = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR);
    static final int MAX_NAME = 100;

    private final ChangeRequestRepository changes;
    private final ReadChanges views;
    private final ChangeNotices notices;
    private final PersonNames names;
    private final Clock clock;

    ConfirmChange(ChangeRequestRepository changes, ReadChanges views, ChangeNotices notices, PersonNames names, Clock clock) {
        this.changes = changes;
        this.views = views;
        this.notices = notices;
        this.names = names;
        this.clock = clock;
    }

    @Transactional
    public ReadChanges.ChangeView confirm(long id, Confirmation command) {
        ChangeActor actor = ChangeActor.current();
        ChangeRequest change = views.visible(id); // a customer's user: their unit's announced changes only, else 404
        boolean customer = CurrentUser.isCustomer();
        if (!customer && !actor.has(RECORDERS)) {
            throw new ForbiddenException("Only the customer, the service desk or a supervisor records the customer's sign-off");
        }
        if (command == null) {
            throw new BadRequestException("body", "is required");
        }
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        if (command.accepted() == null) {
            errors.add(new BadRequestException.FieldError("accepted", "is required (true: accepted, false: not accepted)"));
        }
        boolean accepted = Boolean.TRUE.equals(command.accepted());
        String opinion = command.accepted() != null && !accepted
                ? ChangeRules.text(command.opinion(), "opinion", ChangeRules.MAX_TEXT, errors)
                : ChangeRules.optional(command.opinion(), "opinion", ChangeRules.MAX_TEXT, errors);
        String byName = customer ? names.of(actor.username())
                : ChangeRules.text(command.confirmedByName(), "confirmedByName", MAX_NAME, errors);
        ChangeRules.throwIfAny(errors);
        change.confirm(accepted, opinion, byName, actor.username(), RequestChange.micros(clock.instant()));
        changes.saveAndFlush(change);
        if (!accepted) {
            notices.tellSupervisors(new CaseEvent.ChangeNotAccepted(change.number(), change.getTitle(), byName, opinion),
                    change.getImplementer(), change.getRequestedBy());
        }
        return views.one(id);
    }
}
