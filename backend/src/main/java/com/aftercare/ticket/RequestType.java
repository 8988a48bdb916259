package com.aftercare.ticket;

/**
 * What a case is (IN-3, issue 15): each type runs its own model (ADR 0037). FAULT is the fault-intake model as it
 * always was, and the default for a report that names no type.
 */
public enum RequestType {
    /** 故障报修: fault-intake.bpmn (level, first line, dispatch, callback). */
    FAULT,
    /** 咨询: consultation.bpmn, answered at the desk and closed after the caller confirms. */
    CONSULTATION,
    /** 投诉: complaint.bpmn, an owner, a reply deadline, escalation to the project manager when late. */
    COMPLAINT,
    /** 服务请求: service-request.bpmn, one item of the {@link ServiceItem} catalogue. */
    SERVICE_REQUEST;

    /** The key of the process a case of this type runs. */
    public String processKey() {
        return switch (this) {
            case FAULT -> "faultIntake";
            case CONSULTATION -> "consultation";
            case COMPLAINT -> "complaint";
            case SERVICE_REQUEST -> "serviceRequest";
        };
    }
}
