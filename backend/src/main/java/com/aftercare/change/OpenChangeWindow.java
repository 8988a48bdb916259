package com.aftercare.change;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.ticket.event.CaseEvent;

/** change-request.bpmn's window timer fired: the scheduled change is now being carried out; its implementer is told. */
@Service
public class OpenChangeWindow {

    private final ChangeRequestRepository changes;
    private final ChangeNotices notices;

    OpenChangeWindow(ChangeRequestRepository changes, ChangeNotices notices) {
        this.changes = changes;
        this.notices = notices;
    }

    @Transactional
    public void open(long changeId) {
        ChangeRequest change = changes.findById(changeId).orElseThrow();
        if (change.openWindow()) {
            changes.save(change);
            CaseEvent.ChangeWindowOpened event = new CaseEvent.ChangeWindowOpened(change.number(), change.getTitle(),
                    change.getPlannedEnd());
            if (notices.tellStaff(event, change.getImplementer()) == 0) {
                // the implementer's account was disabled since: someone must still carry the change out or call it off
                notices.tellSupervisors(event);
            }
        }
    }
}
