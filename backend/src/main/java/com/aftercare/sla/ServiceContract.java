package com.aftercare.sla;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's service contract: which SLA policy (level scheme and clocks) applies, on which
 * calendar, who escalations go to by name, and which outside channels carry them.
 */
@Entity
@Table(name = "service_contract")
public class ServiceContract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private Long customerId;
    private String name;
    @Column(name = "policy_code")
    private String policyCode;
    @Enumerated(EnumType.STRING)
    private CalendarKind calendar;
    private String zone;
    /** Office hours on 5×8, as {@link ContractTerms#format}; null for the default ones. */
    @Column(name = "working_hours")
    private String workingHours;
    @Column(name = "desk_lead")
    private String deskLead;
    @Column(name = "project_manager")
    private String projectManager;
    @Column(name = "senior_engineer")
    private String seniorEngineer;
    @Column(name = "department_head")
    private String departmentHead;
    @Column(name = "notify_email")
    private boolean notifyEmail;
    @Column(name = "wecom_webhook_url")
    private String wecomWebhookUrl;
    @Column(name = "dingtalk_webhook_url")
    private String dingtalkWebhookUrl;
    @Column(name = "dingtalk_secret")
    private String dingtalkSecret;
    @Version
    private long version;

    protected ServiceContract() {
    }

    ServiceContract(Long customerId) {
        this.customerId = customerId;
    }

    void update(ContractSettings s, java.util.List<com.aftercare.calendar.WorkingWindow> hours) {
        this.name = s.name().trim();
        this.policyCode = s.policyCode();
        this.calendar = s.calendar();
        this.zone = s.zone() == null ? "Asia/Shanghai" : s.zone();
        this.workingHours = ContractTerms.format(hours);
        this.deskLead = blankToNull(s.deskLead());
        this.projectManager = blankToNull(s.projectManager());
        this.seniorEngineer = blankToNull(s.seniorEngineer());
        this.departmentHead = blankToNull(s.departmentHead());
        this.notifyEmail = s.notifyEmail();
        this.wecomWebhookUrl = blankToNull(s.wecomWebhookUrl());
        this.dingtalkWebhookUrl = blankToNull(s.dingtalkWebhookUrl());
        this.dingtalkSecret = blankToNull(s.dingtalkSecret());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public String getName() { return name; }
    public String getPolicyCode() { return policyCode; }
    public CalendarKind getCalendar() { return calendar; }
    public ZoneId zoneId() { return ZoneId.of(zone); }
    public String getZone() { return zone; }
    /** What tickets opened now run on. */
    public ContractTerms terms() {
        return new ContractTerms(calendar, zoneId(), ContractTerms.parse(workingHours));
    }
    public String getDeskLead() { return deskLead; }
    public String getProjectManager() { return projectManager; }
    public String getSeniorEngineer() { return seniorEngineer; }
    public String getDepartmentHead() { return departmentHead; }
    public boolean isNotifyEmail() { return notifyEmail; }
    public String getWecomWebhookUrl() { return wecomWebhookUrl; }
    public String getDingtalkWebhookUrl() { return dingtalkWebhookUrl; }
    public String getDingtalkSecret() { return dingtalkSecret; }
}
