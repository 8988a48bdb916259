package com.aftercare.inspection;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.identity.Role;
import com.aftercare.labels.Labels;
import com.aftercare.notify.NotificationService;
import com.aftercare.ticket.event.CaseEvent;

/**
 * inspection.bpmn's due-date timer fired before the inspection was done: the supervisors are told (in-app and their
 * channels), and the inspection counts as overdue on the supervisor board until it is done.
 */
@Service
public class NotifyInspectionOverdue {

    private final InspectionRepository inspections;
    private final AssetService assets;
    private final NotificationService notifications;
    private final Clock clock;

    NotifyInspectionOverdue(InspectionRepository inspections, AssetService assets, NotificationService notifications,
            Clock clock) {
        this.inspections = inspections;
        this.assets = assets;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public void notifyOverdue(long inspectionId) {
        Inspection inspection = inspections.findById(inspectionId).orElseThrow();
        if (inspection.getStatus() == InspectionStatus.DONE) {
            return;
        }
        String customer = assets.customers().stream().filter(c -> c.getId().equals(inspection.getCustomerId())).findFirst()
                .map(c -> c.getName()).orElse("");
        LocalDate lastDay = ReadInspections.lastDay(inspection.getDueAt(), clock.getZone());
        notifications.notifyRole(Role.SUPERVISOR, null, new CaseEvent.InspectionOverdue(inspection.getId(), customer,
                inspection.getKind().name(), lastDay), Labels.ZH, clock.getZone());
        inspection.overdueNotified(clock.instant());
        inspections.saveAndFlush(inspection);
    }
}
