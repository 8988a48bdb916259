package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;

/**
 * change-request.bpmn's end-of-window timer fired with no outcome recorded: the supervisors and the implementer are told
 * once (the customer may be waiting for their system), and the change reads as overrun until its outcome is in.
 */
@Service
public class TellChangeOverrun {

    private final ChangeRequestRepository changes;
    private final ChangeNotices notices;
    private final Clock clock;

    TellChangeOverrun(ChangeRequestRepository changes, ChangeNotices notices, Clock clock) {
        this.changes = changes;
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public void tell(long changeId) {
        ChangeRequest change = changes.findById(changeId).orElseThrow();
        if (change.getStatus() != ChangeStatus.IN_PROGRESS || change.getOverrunToldAt() != null) {
            return;
        }
        change.overrunTold(RequestChange.micros(clock.instant()));
        changes.save(change);
        notices.tellSupervisors(new CaseEvent.ChangeOverrun(change.number(), change.getTitle(), change.getPlannedEnd(),
                change.getImplementer()), change.getImplementer());
    }
}
