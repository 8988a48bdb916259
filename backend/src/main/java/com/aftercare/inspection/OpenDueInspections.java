package com.aftercare.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the daily timer of inspection-plans.bpmn does (PM-1, PM-2): for every active plan, the inspection of the cycle
 * window that contains today (Beijing time: the clock's zone), unless it exists. So a weekly patrol opens on Monday, a
 * monthly maintenance on the 1st, a quarterly one on 1 January/April/July/October, a half-yearly one on 1 January and
 * 1 July; a plan made mid-window gets its inspection the next morning; a timer fired twice opens nothing new (the
 * unique plan/window key holds it even for two nodes at once).
 */
@Service
public class OpenDueInspections {

    private final InspectionPlanRepository plans;
    private final InspectionRepository inspections;
    private final OpenInspection open;
    private final Clock clock;

    OpenDueInspections(InspectionPlanRepository plans, InspectionRepository inspections, OpenInspection open, Clock clock) {
        this.plans = plans;
        this.inspections = inspections;
        this.open = open;
        this.clock = clock;
    }

    /** Opens the missing inspections of today's windows; returns how many it opened. */
    @Transactional
    public int openDue() {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        for (InspectionPlan plan : plans.findByActiveTrueOrderById()) {
            LocalDate start = plan.getCycle().windowStart(today);
            if (!inspections.existsByPlanIdAndWindowStart(plan.getId(), start)) {
                // due by the end of the window's last day
                open.forPlan(plan, start, plan.getCycle().windowEnd(start).atStartOfDay(zone).toInstant());
                opened++;
            }
        }
        return opened;
    }
}
