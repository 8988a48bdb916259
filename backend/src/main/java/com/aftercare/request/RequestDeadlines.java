package com.aftercare.request;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.sla.ContractBook;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.ServiceItem;
import com.aftercare.ticket.Ticket;

/**
 * When a request type's own clock runs out (ADR 0037). Working days are the case's contract calendar (its hours,
 * zone and holidays, as its policy clocks use), so "one working day" from Friday 16:00 under 5x8 is Monday 16:00.
 * The contracts (seeds 000-004) name no figure for a complaint or a service item; the defaults below are ours and
 * an operator changes them in configuration (README "Request types"):
 * <ul>
 * <li>consultation: 7 natural days (IN-10: 90 % of consultations solved within 7 days);
 * <li>complaint reply: 1 working day (seed 000 puts complaints with the project's technical lead; a late one goes
 *     to the project manager, as an abnormal event does, IN-8);
 * <li>footage extraction: 1 working day (recordings are kept 30-60 days, seed 000: fetch them before they roll over);
 * <li>parts purchase: 5 working days after the customer approved the cost (the vendor-return rule's figure, RR-2);
 * <li>upgrade: 5 working days.
 * </ul>
 */
@Component
class RequestDeadlines {

    private final ContractBook contracts;
    private final int consultationDays;
    private final int complaintReplyWorkingDays;
    private final int footageWorkingDays;
    private final int partsWorkingDays;
    private final int upgradeWorkingDays;

    RequestDeadlines(ContractBook contracts,
            @Value("${aftercare.requests.consultation-days:7}") int consultationDays,
            @Value("${aftercare.requests.complaint-reply-working-days:1}") int complaintReplyWorkingDays,
            @Value("${aftercare.requests.footage-extraction-working-days:1}") int footageWorkingDays,
            @Value("${aftercare.requests.parts-purchase-working-days:5}") int partsWorkingDays,
            @Value("${aftercare.requests.upgrade-working-days:5}") int upgradeWorkingDays) {
        this.contracts = contracts;
        this.consultationDays = consultationDays;
        this.complaintReplyWorkingDays = complaintReplyWorkingDays;
        this.footageWorkingDays = footageWorkingDays;
        this.partsWorkingDays = partsWorkingDays;
        this.upgradeWorkingDays = upgradeWorkingDays;
    }

    /** The due time of the case's own clock started at {@code from}. */
    Instant due(Ticket ticket, Instant from) {
        RequestType type = ticket.getRequestType();
        return switch (type) {
            case CONSULTATION -> from.plus(Duration.ofDays(consultationDays));
            case COMPLAINT -> workingCalendar(ticket).addWorkingDays(from, complaintReplyWorkingDays);
            case SERVICE_REQUEST -> workingCalendar(ticket).addWorkingDays(from, workingDays(ticket.getServiceItem()));
            case FAULT -> throw new IllegalStateException("A fault's clocks are its policy's, not a request clock: "
                    + ticket.getNumber());
        };
    }

    private int workingDays(ServiceItem item) {
        if (item == null) {
            throw new IllegalStateException("A service request without a catalogue item");
        }
        return switch (item) {
            case FOOTAGE_EXTRACTION -> footageWorkingDays;
            case PARTS_PURCHASE -> partsWorkingDays;
            case UPGRADE -> upgradeWorkingDays;
        };
    }

    private BusinessCalendar workingCalendar(Ticket ticket) {
        return contracts.workingCalendar(contracts.termsOrDefault(ticket.terms()));
    }
}
