package com.aftercare.survey;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

/** The in-app notes of this feature: to the desk (new tasks) and to the supervisors (a late quarterly survey). */
@Component
class SurveyNotices {

    private final NotificationService notifications;
    private final Clock clock;

    SurveyNotices(NotificationService notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void opened(SurveyKind kind, int count) {
        if (count > 0) {
            notifications.notifyRole(Role.SERVICE_DESK, null, new CaseEvent.SurveysOpened(kind.name(), count), Labels.ZH,
                    clock.getZone());
        }
    }

    void overdue(CaseEvent.SurveyOverdue event) {
        notifications.notifyRole(Role.SUPERVISOR, null, event, Labels.ZH, clock.getZone());
        notifications.notifyRole(Role.SERVICE_DESK, null, event, Labels.ZH, clock.getZone());
    }
}
