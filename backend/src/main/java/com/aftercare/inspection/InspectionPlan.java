package com.aftercare.inspection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A contract's preventive inspection plan (PM-1, PM-2): one cycle, one customer (all its sites or one), a checklist. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "site_id")
    private Long siteId;
    private String name;
    @Enumerated(EnumType.STRING)
    private InspectionCycle cycle;
    private boolean active;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_plan_item", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    private List<PlanItem> items = new ArrayList<>();

    protected InspectionPlan() {
    }

    InspectionPlan(Long customerId, String createdBy, Instant createdAt) {
        this.customerId = customerId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(Long siteId, String name, InspectionCycle cycle, boolean active, List<PlanItem> items) {
        this.siteId = siteId;
        this.name = name;
        this.cycle = cycle;
        this.active = active;
        this.items.clear();
        this.items.addAll(items);
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public Long getSiteId() { return siteId; }
    public String getName() { return name; }
    public InspectionCycle getCycle() { return cycle; }
    public boolean isActive() { return active; }
    public long getVersion() { return version; }
    public List<PlanItem> getItems() { return items; }
}
