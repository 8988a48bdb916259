package com.aftercare.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.asset.Region;
import com.aftercare.sla.ClockName;
import com.aftercare.sla.ClockStatus;

import jakarta.servlet.http.HttpServletResponse;

/** The supervisor board (JSON and Excel) and one ticket's clocks. */
@RestController
class SupervisorBoardController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SupervisorBoardService board;
    private final java.time.Clock clock;

    SupervisorBoardController(SupervisorBoardService board, java.time.Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @GetMapping("/api/sla/board")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    SupervisorBoardService.Board board(@RequestParam(required = false) String level,
            @RequestParam(required = false) ClockName clock, @RequestParam(required = false) Region region,
            @RequestParam(required = false) String engineer, @RequestParam(required = false) ClockStatus.Risk risk,
            @RequestParam(defaultValue = "remaining") String sort) {
        return board.board(filter(level, clock, region, engineer, risk, sort));
    }

    @GetMapping("/api/sla/board.xlsx")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    void export(@RequestParam(required = false) String level, @RequestParam(required = false) ClockName clock,
            @RequestParam(required = false) Region region, @RequestParam(required = false) String engineer,
            @RequestParam(required = false) ClockStatus.Risk risk, @RequestParam(defaultValue = "remaining") String sort,
            HttpServletResponse response) throws IOException {
        SupervisorBoardService.Board data = board.board(filter(level, clock, region, engineer, risk, sort));
        ZoneId zone = this.clock.getZone();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-board-"
                + LOCAL.withZone(zone).format(data.generatedAt()).replace(" ", "_").replace(":", "") + ".xlsx\"");
        try (OutputStream out = response.getOutputStream()) {
            Workbook workbook = new Workbook(out, "Aftercare", "1.0");
            Worksheet sheet = workbook.newWorksheet("SLA");
            String[] header = {"Ticket 工单", "Title 标题", "Level 级别", "Status 状态", "Site 站点", "Region 区域",
                    "Engineer 工程师", "Escalation 升级", "Clock 时限", "State 状态", "Due 到期 (" + zone + ")",
                    "Remaining min 剩余分钟", "Risk 风险"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (SupervisorBoardService.Row row : data.rows()) {
                for (SupervisorBoardService.BoardClock c : row.clocks()) {
                    sheet.value(r, 0, row.number());
                    sheet.value(r, 1, row.title());
                    sheet.value(r, 2, row.level());
                    sheet.value(r, 3, row.status());
                    sheet.value(r, 4, row.siteName());
                    sheet.value(r, 5, row.region());
                    sheet.value(r, 6, row.assignee());
                    sheet.value(r, 7, row.escalationName());
                    sheet.value(r, 8, c.clock());
                    sheet.value(r, 9, c.state());
                    sheet.value(r, 10, c.dueAt() == null ? null : LOCAL.withZone(zone).format(c.dueAt()));
                    if (c.remainingSeconds() != null) {
                        sheet.value(r, 11, Math.floorDiv(c.remainingSeconds(), 60));
                    }
                    sheet.value(r, 12, c.risk());
                    r++;
                }
            }
            workbook.finish();
        }
    }

    @GetMapping("/api/tickets/{id}/clocks")
    SupervisorBoardService.TicketClocks ticketClocks(@PathVariable Long id) {
        return board.ticketClocks(id);
    }

    private static SupervisorBoardService.Filter filter(String level, ClockName clock, Region region, String engineer,
            ClockStatus.Risk risk, String sort) {
        if (!java.util.Set.of("remaining", "level", "ticket").contains(sort)) {
            throw new com.aftercare.common.BadRequestException("sort", "one of remaining, level, ticket");
        }
        return new SupervisorBoardService.Filter(blank(level), clock, region, blank(engineer), risk, sort);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
