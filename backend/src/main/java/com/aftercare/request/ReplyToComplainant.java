package com.aftercare.request;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.ticket.FindTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * complaint.bpmn "sendComplaintReply": the owner's reply goes to the complainant (the requester by name and phone
 * for the desk's call, the unit's users in the app and by e-mail when the contract has it on) and onto the timeline.
 * Whether it settles the complaint is the complainant's word at the callback that follows.
 */
@Service
public class ReplyToComplainant {

    static final String FIELD = "complaintReply";

    private final FindTicket tickets;
    private final RequestNotices notices;
    private final CaseTimeline timeline;

    ReplyToComplainant(FindTicket tickets, RequestNotices notices, CaseTimeline timeline) {
        this.tickets = tickets;
        this.notices = notices;
        this.timeline = timeline;
    }

    @Transactional
    public void reply(Long ticketId, String owner, String reply) {
        if (reply == null || reply.isBlank()) {
            throw new BadRequestException(FIELD, "the reply to the complainant must not be empty");
        }
        Ticket ticket = tickets.get(ticketId);
        CaseEvent event = new CaseEvent.ComplaintReplied(owner, reply.trim());
        timeline.record(ticketId, event);
        notices.toCustomer(ticket, event);
    }
}
