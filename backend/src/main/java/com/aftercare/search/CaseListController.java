package com.aftercare.search;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.ticket.Channel;
import com.aftercare.ticket.RequestType;
import com.aftercare.ticket.TicketStatus;
import com.aftercare.ticket.TicketSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** The ticket list and the global search box (issue 15): free text, filters, server-side sort and paging. */
@RestController
@Validated
class CaseListController {

    private final SearchCases searchCases;

    CaseListController(SearchCases searchCases) {
        this.searchCases = searchCases;
    }

    /**
     * A page of the list. {@code totalCapped}: a text search matched more than {@code totalElements} cases and stopped
     * counting (SearchCases.COUNT_CAP, docs/adr/0069); {@code totalPages} then counts the pages up to there, and the
     * pages after it are still served. Without it both are exact, as before.
     */
    @Schema(name = "CasePage")
    record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages, boolean totalCapped) {
    }

    @GetMapping("/api/tickets")
    PageView<TicketSummary> list(@RequestParam(required = false) @Size(max = SearchCases.MAX_TEXT) String q,
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Long siteId,
            @RequestParam(required = false) Long deviceId,
            @RequestParam(required = false) @Size(max = 100) String assignee,
            @RequestParam(required = false) @Size(max = 10) String level,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) RequestType requestType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) CaseSort sort,
            @RequestParam(required = false) SortDirection direction,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        SearchCases.Result result = searchCases.search(new CaseQuery(q, status, siteId, deviceId, assignee, level, channel, requestType, from, to,
                overdue, sort, direction, page, size));
        return new PageView<>(result.content(), page, size, result.totalElements(),
                (int) ((result.totalElements() + size - 1) / size), result.totalCapped());
    }
}
