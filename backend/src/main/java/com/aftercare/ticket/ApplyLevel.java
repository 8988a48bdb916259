package com.aftercare.ticket;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.sla.MilestoneKind;
import com.aftercare.sla.PolicyDefinition;
import com.aftercare.sla.PolicyCatalog;
import com.aftercare.sla.RecordMilestone;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;

/** The level the contract's decision table chose (fault-intake model); the clocks follow from it. */
@Service
public class ApplyLevel {

    private final LoadTicket load;
    private final PolicyCatalog policyCatalog;
    private final RecordMilestone recordMilestone;
    private final CaseTimeline timeline;

    ApplyLevel(LoadTicket load, PolicyCatalog policyCatalog, RecordMilestone recordMilestone, CaseTimeline timeline) {
        this.load = load;
        this.policyCatalog = policyCatalog;
        this.recordMilestone = recordMilestone;
        this.timeline = timeline;
    }

    /** An unknown code falls back to the scheme's mildest level, said on the timeline so the desk corrects it. */
    @Transactional
    public Ticket apply(Long ticketId, String decided) {
        Ticket t = load.byId(ticketId);
        PolicyDefinition policy = policyCatalog.definition(t.getPolicyId());
        String level = decided;
        if (decided == null || policy.level(decided).isEmpty()) {
            level = policy.levels().get(policy.levels().size() - 1).code();
            timeline.record(ticketId, new CaseEvent.LevelFallback(decided, level));
        }
        t.applyLevel(level);
        timeline.record(ticketId, new CaseEvent.LevelDecided(level, policy.level(level).get().name(), t.getImpact(),
                t.getUrgency()));
        recordMilestone.record(ticketId, MilestoneKind.LEVEL, "level " + level);
        return t;
    }
}
