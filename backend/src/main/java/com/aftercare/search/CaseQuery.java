package com.aftercare.search;

import java.time.LocalDate;

import com.aftercare.ticket.Channel;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.TicketStatus;

/**
 * What the ticket list asks for: free text (any null/blank filter means "any") plus filters, a sort and a page.
 * {@code from}/{@code to} are calendar days in the configured zone, both included ("reported between").
 */
public record CaseQuery(String text, TicketStatus status, Long siteId, Long deviceId, String assignee, String level,
        Channel channel, RequestType requestType, LocalDate from, LocalDate to, boolean overdue, CaseSort sort, SortDirection direction, int page, int size) {

    public CaseQuery {
        text = blankToNull(text);
        assignee = blankToNull(assignee);
        level = blankToNull(level);
        sort = sort == null ? CaseSort.CREATED_AT : sort;
        direction = direction == null ? SortDirection.DESC : direction;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
