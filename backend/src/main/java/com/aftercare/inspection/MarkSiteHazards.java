package com.aftercare.inspection;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.identity.CurrentUser;

/** PM-3: marks a site as prone to lightning and/or wind (or neither), for the desk's weather inspection. */
@Service
public class MarkSiteHazards {

    private final SiteHazardRepository hazards;
    private final AssetService assets;
    private final Clock clock;

    MarkSiteHazards(SiteHazardRepository hazards, AssetService assets, Clock clock) {
        this.hazards = hazards;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public SiteHazard mark(long siteId, boolean lightning, boolean wind) {
        assets.visibleSite(siteId);
        SiteHazard mark = hazards.findById(siteId).orElseGet(() -> new SiteHazard(siteId));
        mark.mark(lightning, wind, CurrentUser.username(), clock.instant());
        return hazards.saveAndFlush(mark);
    }
}
