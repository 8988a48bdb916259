package com.aftercare.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.asset.Region;
import com.aftercare.common.BadRequestException;
import com.aftercare.labels.Labels;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;

import jakarta.servlet.http.HttpServletResponse;

/** The supervisor board (JSON and Excel) and one ticket's clocks. */
@RestController
class SupervisorBoardController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** A page larger than this is an export, not a screen: the Excel sheet has every row. */
    static final int MAX_PAGE = 200;

    private final SupervisorBoardService board;
    private final ExportBoard export;
    private final java.time.Clock clock;

    SupervisorBoardController(SupervisorBoardService board, ExportBoard export, java.time.Clock clock) {
        this.board = board;
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/api/sla/board")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    SupervisorBoardService.Board board(@RequestParam(required = false) String level,
            @RequestParam(required = false) ClockName clock, @RequestParam(required = false) Region region,
            @RequestParam(required = false) String engineer, @RequestParam(required = false) ClockStatus.Risk risk,
            @RequestParam(defaultValue = "remaining") String sort, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new BadRequestException("page", "0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new BadRequestException("size", "1 to " + MAX_PAGE);
        }
        return board.board(filter(level, clock, region, engineer, risk, sort), page, size);
    }

    /**
     * The board as an Excel sheet in the requester's language: {@code lang} (zh-CN or en) when given, since a
     * browser download link cannot send a header; else Accept-Language; else Simplified Chinese.
     */
    @GetMapping("/api/sla/board.xlsx")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    void export(@RequestParam(required = false) String level, @RequestParam(required = false) ClockName clock,
            @RequestParam(required = false) Region region, @RequestParam(required = false) String engineer,
            @RequestParam(required = false) ClockStatus.Risk risk, @RequestParam(defaultValue = "remaining") String sort,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) throws IOException {
        Locale language = lang == null ? Labels.language(acceptLanguage) : requestedLanguage(lang);
        SupervisorBoardService.Filter filter = filter(level, clock, region, engineer, risk, sort);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-board-"
                + LOCAL.withZone(this.clock.getZone()).format(this.clock.instant()).replace(" ", "_").replace(":", "") + ".xlsx\"");
        // every row the filter selects, written as it is read, a few hundred cases at a time
        try (OutputStream out = response.getOutputStream()) {
            export.write(sink -> board.eachRow(filter, sink), language, out);
        }
    }

    private static Locale requestedLanguage(String lang) {
        return switch (lang.strip()) {
            case "zh-CN" -> Labels.ZH;
            case "en" -> Labels.EN;
            default -> throw new BadRequestException("lang", "zh-CN or en");
        };
    }

    @GetMapping("/api/tickets/{id}/clocks")
    SupervisorBoardService.TicketClocks ticketClocks(@PathVariable Long id) {
        return board.ticketClocks(id);
    }

    private static SupervisorBoardService.Filter filter(String level, ClockName clock, Region region, String engineer,
            ClockStatus.Risk risk, String sort) {
        if (!java.util.Set.of("remaining", "level", "ticket").contains(sort)) {
            throw new BadRequestException("sort", "one of remaining, level, ticket");
        }
        return new SupervisorBoardService.Filter(blank(level), clock, region, blank(engineer), risk, sort);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
