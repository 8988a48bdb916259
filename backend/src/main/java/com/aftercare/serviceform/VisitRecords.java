package com.aftercare.serviceform;

import java.util.List;

/** Port: what was recorded on each on-site visit of a ticket, oldest first. The field feature implements it. */
public interface VisitRecords {

    List<VisitRecord> forTicket(long ticketId);
}
