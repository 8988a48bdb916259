package com.aftercare.field;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.serviceform.VisitRecord;
import com.aftercare.serviceform.VisitRecords;

/** The visits of a ticket as the service form prints them (port of the serviceform feature). */
@Service
class FieldVisitRecords implements VisitRecords {

    private final FieldVisitRepository visits;

    FieldVisitRecords(FieldVisitRepository visits) {
        this.visits = visits;
    }

    @Override
    @Transactional(readOnly = true)
    public List<VisitRecord> forTicket(long ticketId) {
        return visits.findByTicketIdOrderByVisitNoAsc(ticketId).stream().map(FieldVisit::record).toList();
    }
}
