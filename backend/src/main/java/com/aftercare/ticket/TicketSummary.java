package com.aftercare.ticket;

import java.time.Instant;

import com.aftercare.asset.Region;

/** The fields every list shows, with overdue flags computed at the time of the request. */
public record TicketSummary(Long id, String number, String title, TicketStatus status, Category category, String level,
        Long siteId, String siteName, Region region, Long deviceId, String deviceName, String assignee, Instant createdAt,
        Instant responseDue, Instant resolutionDue, Instant respondedAt, Instant resolvedAt, Instant closedAt,
        boolean responseOverdue, boolean resolutionOverdue, boolean escalated, Instant receivedAt, String holdReason,
        int escalationLevel, RequestType requestType, ServiceItem serviceItem, Instant requestDue) {

    public static TicketSummary of(Ticket t, Instant now) {
        return new TicketSummary(t.getId(), t.getNumber(), t.getTitle(), t.getStatus(), t.getCategory(), t.getLevel(),
                t.getSite().getId(), t.getSite().getName(), t.getSite().getRegion(),
                t.getDevice() == null ? null : t.getDevice().getId(), t.getDevice() == null ? null : t.getDevice().getName(),
                t.getAssignee(), t.getCreatedAt(), t.getResponseDue(), t.getResolutionDue(), t.getRespondedAt(),
                t.getResolvedAt(), t.getClosedAt(), t.responseOverdue(now), t.resolutionOverdue(now), t.isEscalated(),
                t.getReceivedAt(), t.getHoldReason(), t.getEscalationLevel(),
                t.getRequestType(), t.getServiceItem(), t.getRequestDue());
    }
}
