package com.aftercare.change;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.ticket.event.CaseEvent;

/**
 * change-request.bpmn's notice step (RP-5 "users told the time, scope and fallback in advance"): once a change is
 * approved (and, when major, tested) and again whenever its window moves, the customer unit's users are told its
 * window, what it touches and how it is undone; the implementer hears of the window too.
 */
@Service
public class AnnounceChange {

    /**
     * How much of the impact and of the fallback a notice quotes: an in-app notification holds 1,000 characters and the
     * fallback comes last, so two 2,000-character texts would lose it; the whole texts are on the change's page.
     */
    static final int QUOTED = 250;

    private final ChangeRequestRepository changes;
    private final ChangeNotices notices;
    private final AssetService assets;
    private final Clock clock;

    AnnounceChange(ChangeRequestRepository changes, ChangeNotices notices, AssetService assets, Clock clock) {
        this.changes = changes;
        this.notices = notices;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public void announce(long changeId) {
        ChangeRequest change = changes.findById(changeId).orElseThrow();
        boolean again = change.getAnnouncedAt() != null;
        change.announced(RequestChange.micros(clock.instant()));
        changes.save(change);
        CaseEvent.ChangeAnnounced event = new CaseEvent.ChangeAnnounced(change.number(), change.getTitle(),
                assets.customerName(change.getCustomerId()), change.getPlannedStart(), change.getPlannedEnd(),
                brief(change.getImpact()), brief(change.getFallback()), again);
        notices.tellCustomer(change, event);
        notices.tellStaff(event, change.getImplementer(), change.getRequestedBy());
    }

    static String brief(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED - 1) + "…";
    }
}
