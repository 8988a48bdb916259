package com.aftercare.survey;

import java.time.Clock;

import org.springframework.stereotype.Component;

import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

/** The in-app note of this feature to the desk: new tasks (late ones climb their ladder, {@link EscalateLateSurveys}). */
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
}
