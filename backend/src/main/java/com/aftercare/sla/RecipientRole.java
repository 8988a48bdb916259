package com.aftercare.sla;

/** Who an escalation level notifies. Named people come from the service contract; supervisors stand in when unset. */
public enum RecipientRole {
    ASSIGNED_ENGINEER, DESK_LEAD, PROJECT_MANAGER, SENIOR_ENGINEER, DEPARTMENT_HEAD, SUPERVISORS
}
