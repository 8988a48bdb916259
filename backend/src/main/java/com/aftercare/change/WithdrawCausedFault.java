package com.aftercare.change;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/**
 * A supervisor withdraws a judgement that a change caused a fault (the cause was found elsewhere). The row goes; the
 * audit trail keeps it, and the case's timeline says who withdrew it.
 */
@Service
public class WithdrawCausedFault {

    private final ChangeCausedCaseRepository caused;
    private final ReadChanges views;
    private final CaseTimeline timeline;

    WithdrawCausedFault(ChangeCausedCaseRepository caused, ReadChanges views, CaseTimeline timeline) {
        this.caused = caused;
        this.views = views;
        this.timeline = timeline;
    }

    @Transactional
    public ReadChanges.ChangeView withdraw(long id, long ticketId) {
        ChangeRequest change = MarkCausedFault.judgeable(views, id);
        ChangeCausedCase mark = caused.findByChangeIdAndTicketId(id, ticketId)
                .orElseThrow(() -> new NotFoundException("Change " + change.number() + " is not judged to have caused case " + ticketId));
        caused.delete(mark);
        caused.flush();
        timeline.record(ticketId, new CaseEvent.CausedByChange(change.number(), change.getTitle(), null, false));
        return views.one(id);
    }
}
