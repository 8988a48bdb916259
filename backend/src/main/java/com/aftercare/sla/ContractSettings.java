package com.aftercare.sla;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sets on a service contract (PUT /api/contracts/{customerId}). The webhook URLs and
 * the DingTalk secret are write-only, and so null keeps what is stored, "" removes it and anything
 * else replaces it; webhookAllowList (networks or hosts the webhooks may reach besides public
 * addresses) follows the same rule so a form that does not show it cannot clear it.
 *
 * <p>The command of {@link SaveContract}. The constraints here are what can be judged from the command
 * alone; the webhooks, the secret and the allow-list depend on what is stored (null keeps it) and on what
 * an address resolves to, so {@code outbound.WebhookSettingsValidator} checks them when the contract is saved.
 *
 * @param workingHours the office hours of each working day (Mon–Fri) on a 5×8 calendar; null means
 *        09:00–12:00 and 13:00–18:00
 * @param language what e-mail, WeCom and DingTalk messages are written in: "zh-CN" or "en"; null keeps the
 *        stored one (zh-CN for a new contract)
 * @param planLevels the level codes (classes) of the contract's policy for which a recovery plan is owed and the
 *        customer reviews it before the work (FW-4); null keeps the stored ones, empty owes none (the default)
 */
public record ContractSettings(
        @NotBlank(message = "must be 1 to 200 characters") @Size(max = 200, message = "must be 1 to 200 characters") String name,
        @KnownPolicy String policyCode,
        @NotNull(message = "SEVEN_BY_24 or FIVE_BY_8") CalendarKind calendar,
        @TimeZoneId String zone,
        @KnownUser String deskLead,
        @KnownUser String projectManager,
        @KnownUser String seniorEngineer,
        @KnownUser String departmentHead,
        boolean notifyEmail, String wecomWebhookUrl, String dingtalkWebhookUrl, String dingtalkSecret, String webhookAllowList,
        List<Window> workingHours,
        /** zh-CN or en: the language of e-mail, WeCom and DingTalk messages; null keeps the stored one (zh-CN for a new contract). */
        @Pattern(regexp = "zh-CN|en", message = "zh-CN or en") String language,
        /** Levels whose recovery plan the customer reviews (FW-4); null keeps the stored ones. */
        @Size(max = 20, message = "at most 20 levels") List<@NotBlank(message = "a level code") @Size(max = 20, message = "a level code") String> planLevels,
        /** CB-1: the percentage of each month's closed faults sampled for the phone survey; null keeps the stored one (3 for a new contract). */
        @DecimalMin(value = "0", inclusive = false, message = "must be above 0 and at most 100")
        @DecimalMax(value = "100", message = "must be above 0 and at most 100")
        @Digits(integer = 3, fraction = 2, message = "at most two decimals") BigDecimal surveySamplePercent) {

    /** Without a sample percentage of its own (keeps the stored one). */
    public ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
            String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
            String dingtalkWebhookUrl, String dingtalkSecret, String webhookAllowList, List<Window> workingHours, String language,
            List<String> planLevels) {
        this(name, policyCode, calendar, zone, deskLead, projectManager, seniorEngineer, departmentHead, notifyEmail,
                wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, webhookAllowList, workingHours, language, planLevels, null);
    }

    /** Without plan levels of its own (keeps the stored ones). */
    public ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
            String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
            String dingtalkWebhookUrl, String dingtalkSecret, String webhookAllowList, List<Window> workingHours, String language) {
        this(name, policyCode, calendar, zone, deskLead, projectManager, seniorEngineer, departmentHead, notifyEmail,
                wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, webhookAllowList, workingHours, language, null);
    }

    /** In the default language (Simplified Chinese). */
    public ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
            String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
            String dingtalkWebhookUrl, String dingtalkSecret, String webhookAllowList, List<Window> workingHours) {
        this(name, policyCode, calendar, zone, deskLead, projectManager, seniorEngineer, departmentHead, notifyEmail,
                wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, webhookAllowList, workingHours, null);
    }

    /** Without an allow-list of their own (keeps a stored one) and without office hours (the default ones). */
    public ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
            String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
            String dingtalkWebhookUrl, String dingtalkSecret) {
        this(name, policyCode, calendar, zone, deskLead, projectManager, seniorEngineer, departmentHead, notifyEmail,
                wecomWebhookUrl, dingtalkWebhookUrl, dingtalkSecret, null, null, null);
    }

    /** One working window as local times, e.g. {"from": "08:30", "to": "12:00"}; "24:00" ends at midnight. */
    public record Window(String from, String to) {
    }
}
