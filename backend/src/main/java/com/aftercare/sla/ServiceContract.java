package com.aftercare.sla;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.aftercare.secrets.SecretConverter;

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
    // the webhook URLs carry the robots' keys: all three are secrets, encrypted in the database
    @Convert(converter = SecretConverter.class)
    @Column(name = "wecom_webhook_url")
    private String wecomWebhookUrl;
    @Convert(converter = SecretConverter.class)
    @Column(name = "dingtalk_webhook_url")
    private String dingtalkWebhookUrl;
    @Convert(converter = SecretConverter.class)
    @Column(name = "dingtalk_secret")
    private String dingtalkSecret;
    @Column(name = "webhook_allow_list")
    private String webhookAllowList;
    /** What e-mail, WeCom and DingTalk messages are written in: a {@link ContractLanguage} tag. */
    private String language = ContractLanguage.DEFAULT.tag();
    /** Level codes whose recovery plan the customer reviews (FW-4), comma-separated; null owes none. */
    @Column(name = "plan_levels")
    private String planLevels;
    /** CB-1: the percentage of each month's closed faults sampled for the phone survey (0 < p <= 100). */
    @Column(name = "survey_sample_percent")
    private java.math.BigDecimal surveySamplePercent = DEFAULT_SAMPLE_PERCENT;
    @Version
    private long version;

    /** What the five contracts say (seed 000: 3 % of the faults are called back). */
    public static final java.math.BigDecimal DEFAULT_SAMPLE_PERCENT = java.math.BigDecimal.valueOf(3);

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
        this.wecomWebhookUrl = keepOrReplace(s.wecomWebhookUrl(), wecomWebhookUrl);
        this.dingtalkWebhookUrl = keepOrReplace(s.dingtalkWebhookUrl(), dingtalkWebhookUrl);
        this.dingtalkSecret = keepOrReplace(s.dingtalkSecret(), dingtalkSecret);
        this.webhookAllowList = keepOrReplace(s.webhookAllowList(), webhookAllowList);
        // absent keeps what is stored, so a client that predates the field cannot switch a contract back
        if (s.language() != null) {
            this.language = ContractLanguage.of("language", s.language()).tag();
        }
        if (s.planLevels() != null) {
            this.planLevels = s.planLevels().isEmpty() ? null
                    : String.join(",", new java.util.TreeSet<>(s.planLevels().stream().map(String::strip).toList()));
        }
        if (s.surveySamplePercent() != null) {
            this.surveySamplePercent = s.surveySamplePercent();
        }
    }

    /**
     * Write-only settings: the form never has the stored value to send back, so absent (null) keeps
     * it, "" (or blanks) removes it, anything else replaces it.
     */
    static String keepOrReplace(String sent, String stored) {
        return sent == null ? stored : blankToNull(sent);
    }

    // strip, not trim: the value stored is the value the webhook check judged (an ideographic space included)
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    /** Raised by every save: what tells a changed contract from the one a new ticket's assignment was built from. */
    long getVersion() { return version; }
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
    public java.math.BigDecimal getSurveySamplePercent() {
        return surveySamplePercent == null ? DEFAULT_SAMPLE_PERCENT : surveySamplePercent;
    }
    public String getProjectManager() { return projectManager; }
    public String getSeniorEngineer() { return seniorEngineer; }
    public String getDepartmentHead() { return departmentHead; }
    public boolean isNotifyEmail() { return notifyEmail; }
    public String getWecomWebhookUrl() { return wecomWebhookUrl; }
    public String getDingtalkWebhookUrl() { return dingtalkWebhookUrl; }
    public String getDingtalkSecret() { return dingtalkSecret; }
    public String getWebhookAllowList() { return webhookAllowList; }
    /** The language of the contract's outside channels; zh-CN unless the contract says en. */
    public ContractLanguage getLanguage() { return ContractLanguage.of("language", language); }
    /** The levels (classes) for which the customer reviews a recovery plan before the work (FW-4); empty by default. */
    public java.util.Set<String> planLevels() {
        return planLevels == null || planLevels.isBlank() ? java.util.Set.of() : java.util.Set.of(planLevels.split(","));
    }
}
