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

    /**
     * The IN-3 category a case of this type has (ADR 0041): a fault is a system defect; a consultation is one; a
     * complaint or a service request is answered, not analysed as a defect, and runs no level decision, so it counts
     * with the consultations. The desk asks for the type only; the category follows from it.
     */
    public Category category() {
        return this == FAULT ? Category.DEFECT : Category.CONSULTATION;
    }

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
