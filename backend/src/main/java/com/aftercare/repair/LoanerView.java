package com.aftercare.repair;

/** A loaner unit as the pool page and the repair panel show it; status AVAILABLE or ON_LOAN. */
public record LoanerView(long id, String model, String serial, String keptAt, String status, Long ticketId) {

    static LoanerView of(LoanerUnit u) {
        return new LoanerView(u.getId(), u.getModel(), u.getSerial(), u.getKeptAt(), u.getStatus().name(), u.getTicketId());
    }
}
