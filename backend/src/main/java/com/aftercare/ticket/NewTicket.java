package com.aftercare.ticket;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A report as the desk, a customer's user or a monitoring system submits it: a fault, or another request type. */
public record NewTicket(
        @NotNull Channel channel,
        @NotBlank @Size(max = 100) String requesterName,
        @Size(max = 200) String requesterUnit,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]{3,40}", message = "must be a phone number") String requesterPhone,
        @NotNull Long siteId,
        Long deviceId,
        /**
         * IN-3: follows from {@code requestType} (FAULT: DEFECT; the others: CONSULTATION) and may be left out; a
         * fault sent as CONSULTATION or a consultation sent as DEFECT is a 400; a complaint or service request takes
         * the type's whatever was sent. A client that names no type sends it as before.
         */
        Category category,
        /** How many are affected: required for a fault (its level decision); a type without a level stores LOW. */
        Grade impact,
        /** How soon it hurts: required for a fault (its level decision); a type without a level stores LOW. */
        Grade urgency,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String description,
        /** When the call or alarm came in, if earlier than now (a call typed in afterwards); clocks start here. */
        @ReceivedRecently Instant receivedAt,
        /** What the case is (IN-3); none given: a fault, as before request types existed. */
        RequestType requestType,
        /** The catalogue item of a service request; required for SERVICE_REQUEST and only there. */
        ServiceItem serviceItem) {

    public NewTicket {
        // the category is derived only here; whether a category that was sent contradicts the type is
        // ReportFault's question (it needs to know the type was given, hence requestType stays as sent)
        if (category == null) {
            category = requestType == null ? Category.DEFECT : requestType.category();
        }
        if (requestType == RequestType.COMPLAINT || requestType == RequestType.SERVICE_REQUEST) {
            // no level decision reads it and IN-3 has no third kind: whatever a client sent, it is the type's
            category = requestType.category();
        }
        if (requestType != null && requestType != RequestType.FAULT) {
            impact = impact == null ? Grade.LOW : impact;
            urgency = urgency == null ? Grade.LOW : urgency;
        }
    }

    /** What the case is; none given: a fault, as before request types existed. */
    public RequestType type() {
        return requestType == null ? RequestType.FAULT : requestType;
    }

    /** A fault report (the type every report had before issue 15). */
    public NewTicket(Channel channel, String requesterName, String requesterUnit, String requesterPhone, Long siteId,
            Long deviceId, Category category, Grade impact, Grade urgency, String title, String description,
            Instant receivedAt) {
        this(channel, requesterName, requesterUnit, requesterPhone, siteId, deviceId, category, impact, urgency, title,
                description, receivedAt, null, null);
    }

    /** The common case: received now. */
    public NewTicket(Channel channel, String requesterName, String requesterUnit, String requesterPhone, Long siteId,
            Long deviceId, Category category, Grade impact, Grade urgency, String title, String description) {
        this(channel, requesterName, requesterUnit, requesterPhone, siteId, deviceId, category, impact, urgency, title,
                description, null);
    }
}
