package com.aftercare.servicereport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Scheduled service reports (RP-1): list, make on demand, download as Excel or PDF; and a contract's report
 * recipients. The desk, supervisors and administrators make reports; a customer's user lists and downloads their own
 * unit's only. docs/adr/0047.
 */
@RestController
@Tag(name = "Service reports")
class ServiceReportController {

    private static final Set<Role> MAY_GENERATE = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> MAY_READ = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN, Role.CUSTOMER);

    /**
     * customerId and kind are required; period: "2026-10-05" (daily log), "2026-10" (monthly), "2026-Q3" (quarterly)
     * or "2026" (annual), already ended; for MAJOR_FAULT ticketId (a closed case of the customer) instead of period.
     */
    @Schema(name = "ServiceReportRequest")
    record GenerateRequest(Long customerId, ServiceReportKind kind, String period, Long ticketId) {
    }

    private final GenerateServiceReport generate;
    private final ListServiceReports list;
    private final ReadServiceReportFile read;
    private final ReadReportSettings readSettings;
    private final SetReportSettings setSettings;
    private final Clock clock;

    ServiceReportController(GenerateServiceReport generate, ListServiceReports list, ReadServiceReportFile read,
            ReadReportSettings readSettings, SetReportSettings setSettings, Clock clock) {
        this.generate = generate;
        this.list = list;
        this.read = read;
        this.readSettings = readSettings;
        this.setSettings = setSettings;
        this.clock = clock;
    }

    @GetMapping("/api/service-reports")
    @Operation(summary = "Service reports owed and made, newest period first (a customer's user: their unit's only)")
    List<ServiceReportView> list(@RequestParam(name = "customerId", required = false) Long customerId,
            @RequestParam(name = "kind", required = false) ServiceReportKind kind,
            @RequestParam(name = "overdue", defaultValue = "false") boolean overdue) {
        requireAny(MAY_READ);
        return list.list(customerId, kind, overdue);
    }

    @GetMapping("/api/service-reports/overdue-count")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SERVICE_DESK', 'ADMIN')")
    @Operation(summary = "How many reports are past their due day and not made (the supervisor board's count)")
    Map<String, Long> overdueCount() {
        return Map.of("overdue", list.overdue());
    }

    @PostMapping("/api/service-reports")
    @Operation(summary = "Make a report now (201), or find the one already made for that period (200)")
    ResponseEntity<ServiceReportView> generate(@RequestBody(required = false) GenerateRequest request) {
        requireAny(MAY_GENERATE);
        if (request == null || request.customerId() == null) {
            throw new BadRequestException("customerId", "is required");
        }
        if (request.kind() == null) {
            throw new BadRequestException("kind", "is required");
        }
        GenerateServiceReport.Generated generated;
        if (request.kind() == ServiceReportKind.MAJOR_FAULT) {
            if (request.ticketId() == null) {
                throw new BadRequestException("ticketId", "is required for a major fault report");
            }
            generated = generate.generateMajor(request.customerId(), request.ticketId(), CurrentUser.username());
        } else {
            ServicePeriod period = ServicePeriod.parse("period", request.kind(), request.period(), LocalDate.now(clock));
            generated = generate.generate(request.customerId(), period, CurrentUser.username());
        }
        if (!generated.isNew()) {
            return ResponseEntity.ok(generated.report());
        }
        return ResponseEntity.created(URI.create("/api/service-reports/" + generated.report().id() + "/pdf"))
                .body(generated.report());
    }

    @GetMapping("/api/service-reports/{id}/xlsx")
    @Operation(summary = "The report's Excel file")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        requireAny(MAY_READ);
        return download(read.file(id, ReadServiceReportFile.Format.XLSX));
    }

    @GetMapping("/api/service-reports/{id}/pdf")
    @Operation(summary = "The report's PDF file")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        requireAny(MAY_READ);
        return download(read.file(id, ReadServiceReportFile.Format.PDF));
    }

    @GetMapping("/api/contracts/{id}/report-settings")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "The contract's report recipients and major fault level")
    ReportSettingsView settings(@PathVariable long id) {
        return readSettings.of(id);
    }

    @PutMapping("/api/contracts/{id}/report-settings")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "Set the contract's report recipients and major fault level (400 names recipients or majorLevel)")
    ReportSettingsView setSettings(@PathVariable long id, @RequestBody(required = false) SetReportSettings.Command body) {
        return setSettings.set(id, body);
    }

    private static ResponseEntity<byte[]> download(ReadServiceReportFile.File file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(file.bytes());
    }

    private static void requireAny(Set<Role> allowed) {
        if (CurrentUser.roles().stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException("Service reports are for the service desk, supervisors, administrators and customers");
        }
    }
}
