package com.aftercare.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;

import com.aftercare.common.BadRequestException;
import com.aftercare.labels.Labels;
import com.aftercare.ticket.TicketSummary;

/**
 * The KPI dashboard (issue 16, CB-4): supervisors, the desk and admins see any unit or all; a customer's user sees
 * their own unit only (another unit's id is 404). Months are yyyy-MM in aftercare.zone.
 */
@RestController
@PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN', 'CUSTOMER')")
class KpiController {

    private final ComputeKpis compute;
    private final ListKpiCases cases;
    private final ExportKpis export;

    KpiController(ComputeKpis compute, ListKpiCases cases, ExportKpis export) {
        this.compute = compute;
        this.cases = cases;
        this.export = export;
    }

    @GetMapping("/api/kpi")
    @Operation(summary = "One month's KPIs (numerator, denominator, rate), incidents by category and level, and the 12-month trend")
    ComputeKpis.Dashboard dashboard(@RequestParam(required = false) Long customerId,
            @Parameter(example = "2026-11") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return compute.compute(new KpiQuery(customerId, month));
    }

    @GetMapping("/api/kpi/cases")
    @Operation(summary = "The cases behind one figure of a month: its numerator, its denominator, or those that pulled it down")
    List<TicketSummary> behind(@RequestParam(required = false) Long customerId,
            @Parameter(example = "2026-11") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) KpiName kpi, @RequestParam(required = false) DrillPart part) {
        // optional here so a bad value is named by its own field; the command requires both
        return cases.behind(new ListKpiCases.Command(new KpiQuery(customerId, month), kpi, part));
    }

    @GetMapping("/api/kpi/incidents")
    @Operation(summary = "The faults received in a month, optionally of one category or level (NONE: not yet set)")
    List<TicketSummary> incidents(@RequestParam(required = false) Long customerId,
            @Parameter(example = "2026-11") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String category, @RequestParam(required = false) String level) {
        return cases.incidents(new ListKpiCases.IncidentsCommand(new KpiQuery(customerId, month), category, level));
    }

    /** lang (zh-CN or en) because a download link cannot send a header; else Accept-Language; else Chinese. */
    @GetMapping("/api/kpi.xlsx")
    @Operation(summary = "A month's KPIs with the cases behind each figure, as an Excel file in the reader's language")
    void excel(@RequestParam(required = false) Long customerId,
            @Parameter(example = "2026-11") @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @RequestParam(required = false) String lang,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) throws IOException {
        Locale language = lang == null ? Labels.language(acceptLanguage) : switch (lang.strip()) {
            case "zh-CN" -> Labels.ZH;
            case "en" -> Labels.EN;
            default -> throw new BadRequestException("lang", "zh-CN or en");
        };
        ExportKpis.Export file = export.prepare(new KpiQuery(customerId, month), language);
        String name = file.fileName() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kpi.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = response.getOutputStream()) {
            file.body().writeTo(out);
        }
    }
}
