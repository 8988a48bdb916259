package com.aftercare.ticket;

/** What a list of work items shows of the case each belongs to: its number and title. */
public record TicketHeadline(Long id, String number, String title) {
}
