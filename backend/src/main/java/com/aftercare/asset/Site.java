package com.aftercare.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A place where installed systems run: a command center, a county police station. */
@Entity
public class Site {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    private String name;
    private String address;
    @Enumerated(EnumType.STRING)
    private Region region;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    /** Networks or hosts the server may probe at this site besides public addresses (e.g. the site's LAN). */
    @Column(name = "probe_allow_list")
    private String probeAllowList;
    // the site's environment (RP-3, DescribeSiteEnvironment): free text the asset keeper records, null when not known
    @Column(name = "machine_room")
    private String machineRoom;
    @Column(name = "power_supply")
    private String powerSupply;
    @Column(name = "lightning_protection")
    private String lightningProtection;
    @Column(name = "adverse_conditions")
    private String adverseConditions;
    @Column(name = "maintainer_count")
    private Integer maintainerCount;
    @Column(name = "maintainer_skills")
    private String maintainerSkills;

    protected Site() {
    }

    public Site(Customer customer, String name, String address, Region region, String contactName, String contactPhone) {
        this.customer = customer;
        this.name = name;
        this.address = address;
        this.region = region;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
    }

    public Long getId() { return id; }
    public Customer getCustomer() { return customer; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public Region getRegion() { return region; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }

    void describe(String name, String address, Region region, String contactName, String contactPhone) {
        this.name = name;
        this.address = address;
        this.region = region;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
    }

    public String getProbeAllowList() { return probeAllowList; }

    void allowProbes(String allowList) {
        this.probeAllowList = allowList;
    }

    public String getMachineRoom() { return machineRoom; }
    public String getPowerSupply() { return powerSupply; }
    public String getLightningProtection() { return lightningProtection; }
    public String getAdverseConditions() { return adverseConditions; }
    public Integer getMaintainerCount() { return maintainerCount; }
    public String getMaintainerSkills() { return maintainerSkills; }

    void describeEnvironment(String machineRoom, String powerSupply, String lightningProtection, String adverseConditions,
            Integer maintainerCount, String maintainerSkills) {
        this.machineRoom = machineRoom;
        this.powerSupply = powerSupply;
        this.lightningProtection = lightningProtection;
        this.adverseConditions = adverseConditions;
        this.maintainerCount = maintainerCount;
        this.maintainerSkills = maintainerSkills;
    }
}
