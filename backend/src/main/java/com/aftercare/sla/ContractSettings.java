package com.aftercare.sla;

/** What an admin sets on a service contract (PUT /api/contracts/{customerId}). */
public record ContractSettings(String name, String policyCode, CalendarKind calendar, String zone, String deskLead,
        String projectManager, String seniorEngineer, String departmentHead, boolean notifyEmail, String wecomWebhookUrl,
        String dingtalkWebhookUrl, String dingtalkSecret) {
}
