package com.aftercare.request;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.AssignOwner;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * complaint.bpmn "assignComplaintOwner": the desk or a supervisor names who answers the complaint. The owner is a
 * member of staff with an enabled account (a customer's user cannot own a complaint against the service); an unknown
 * name is a 400 on the form field and the task stays open.
 */
@Service
public class AssignComplaintOwner {

    static final String FIELD = "complaintOwner";

    private final AccountService accounts;
    private final AssignOwner assignOwner;
    private final CaseTimeline timeline;

    AssignComplaintOwner(AccountService accounts, AssignOwner assignOwner, CaseTimeline timeline) {
        this.accounts = accounts;
        this.assignOwner = assignOwner;
        this.timeline = timeline;
    }

    @Transactional
    public void assign(Long ticketId, String owner) {
        String name = owner == null ? "" : owner.trim();
        AppUser user = accounts.find(name).filter(AppUser::isEnabled)
                .orElseThrow(() -> new BadRequestException(FIELD, "unknown user " + name));
        if (user.getRoles().contains(Role.CUSTOMER) || user.getCustomerId() != null) {
            throw new BadRequestException(FIELD, "a complaint is owned by staff, not by a customer's user: " + name);
        }
        assignOwner.assign(ticketId, user.getUsername());
        timeline.record(ticketId, new CaseEvent.ComplaintOwnerAssigned(user.getUsername()));
    }
}
