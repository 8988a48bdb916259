package com.aftercare.serviceform;

import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The service form (维修服务单) of one ticket as people read it: every value already in the reader's language
 * and time zone, codes turned into words, null where nothing was recorded (printed as a blank line to fill by
 * hand). A ticket with no visit yet still has one (blank) visit, so the form can be printed and filled on site.
 * The JSON route and the PDF print exactly this.
 *
 * @param language "zh-CN" or "en"
 * @param zone the words for the time zone every time on the form is written in ("北京时间")
 * @param photos thumbnails of the ticket's photos the customer may see, oldest first (printed with the last visit)
 */
public record ServiceForm(long ticketId, String language, String title, String zone, ServiceFormCase caseInfo,
        ServiceFormDevice device, List<ServiceFormVisit> visits, List<ServiceFormPicture> photos, String printedAt) {

    public record ServiceFormCase(String number, String title, String customerUnit, String site, String address,
            String reporter, String reporterPhone, String siteContact, String reportedAt, String level) {
    }

    /** location: where the device is installed (its site). */
    public record ServiceFormDevice(String name, String model, String serial, String location) {
    }

    /**
     * One visit. planReview, confirmation and audit are words, not codes. auditReason and auditedBy are the desk's
     * and are left out (null) for a customer's user.
     */
    public record ServiceFormVisit(int visitNo, String engineer, String checkedInAt, String checkInPlace, boolean emergency,
            String restoredAt, String symptom, String diagnosis, String cause, String recoveryPlan, String planReview,
            String workDone, String parts, String prevention, String testerName, String confirmedAt,
            String confirmation, ServiceFormPicture signature, String audit, String auditReason, String auditedBy,
            String auditedAt) {
    }

    /** An image printed on the form; in JSON as a data: URL so the print page shows exactly what the PDF does. */
    public record ServiceFormPicture(long attachmentId, String fileName, String contentType, @JsonIgnore byte[] bytes) {

        @JsonProperty("dataUrl")
        public String dataUrl() {
            return "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
