package com.aftercare.inspection;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** PM-3: whether a site is prone to lightning or wind; the desk's weather inspection covers the marked sites. */
@Entity
@Table(name = "site_hazard")
public class SiteHazard {

    @Id
    @Column(name = "site_id")
    private Long siteId;
    private boolean lightning;
    private boolean wind;
    @Column(name = "changed_by")
    private String changedBy;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected SiteHazard() {
    }

    SiteHazard(Long siteId) {
        this.siteId = siteId;
    }

    void mark(boolean lightning, boolean wind, String by, Instant at) {
        this.lightning = lightning;
        this.wind = wind;
        this.changedBy = by;
        this.changedAt = at;
    }

    boolean proneTo(Hazard hazard) {
        return hazard == Hazard.LIGHTNING ? lightning : wind;
    }

    public Long getSiteId() { return siteId; }
    public boolean isLightning() { return lightning; }
    public boolean isWind() { return wind; }
}
