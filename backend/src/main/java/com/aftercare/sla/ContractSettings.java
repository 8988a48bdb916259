package com.aftercare.sla;

/**
 * What an admin sets on a service contract (PUT /api/contracts/{customerId}). The webhook URLs and
 * the DingTalk secret are write-only, and so null keeps what is stored, "" removes it and anything
 * else replaces it; webhookAllowList (networks or hosts the webhooks may reach besides public
 * addresses) follows the same rule so a form that does not show it cannot clear it.
 */
public record ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
        String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
        String dingtalkWebhookUrl, String dingtalkSecret, String webhookAllowList) {

    /** Settings without an allow-list of their own (keeps a stored one). */
    public ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
            String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
            String dingtalkWebhookUrl, String dingtalkSecret) {
        this(name, policyCode, calendar, zone, deskLead, projectManager, seniorEngineer, departmentHead, notifyEmail, wecomWebhookUrl,
                dingtalkWebhookUrl, dingtalkSecret, null);
    }
}
