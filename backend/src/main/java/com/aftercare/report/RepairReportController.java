package com.aftercare.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Repair reports (RR-7): list, generate on demand, download. The desk, supervisors and administrators generate;
 * a customer's user lists and downloads their own unit's only. docs/adr/0025.
 */
@RestController
class RepairReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Set<Role> MAY_GENERATE = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN);
    private static final Set<Role> MAY_READ = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN, Role.CUSTOMER);

    /** customerId and kind are required; period is "2026-10" (MONTHLY) or "2026-Q3" (QUARTERLY), already ended. */
    @Schema(name = "RepairReportRequest")
    record GenerateRequest(Long customerId, ReportKind kind, String period) {
    }

    private final GenerateRepairReport generate;
    private final ListRepairReports list;
    private final ReadRepairReport read;
    private final Clock clock;

    RepairReportController(GenerateRepairReport generate, ListRepairReports list, ReadRepairReport read, Clock clock) {
        this.generate = generate;
        this.list = list;
        this.read = read;
        this.clock = clock;
    }

    @GetMapping("/api/repair-reports")
    List<RepairReportView> list(@RequestParam(name = "customerId", required = false) Long customerId,
            @RequestParam(name = "kind", required = false) ReportKind kind) {
        requireAny(MAY_READ);
        return list.list(customerId, kind);
    }

    @PostMapping("/api/repair-reports")
    ResponseEntity<RepairReportView> generate(@RequestBody GenerateRequest request) {
        requireAny(MAY_GENERATE);
        if (request == null || request.customerId() == null) {
            throw new BadRequestException("customerId", "is required");
        }
        if (request.kind() == null) {
            throw new BadRequestException("kind", "is required: MONTHLY or QUARTERLY");
        }
        ReportPeriod period = ReportPeriod.parse("period", request.kind(), request.period(), LocalDate.now(clock));
        GenerateRepairReport.Generated generated = generate.generate(request.customerId(), period, CurrentUser.username());
        if (!generated.isNew()) {
            return ResponseEntity.ok(generated.report());
        }
        return ResponseEntity.created(URI.create("/api/repair-reports/" + generated.report().id() + "/file"))
                .body(generated.report());
    }

    @GetMapping("/api/repair-reports/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        requireAny(MAY_READ);
        ReadRepairReport.File file = read.file(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(file.bytes());
    }

    private static void requireAny(Set<Role> allowed) {
        if (CurrentUser.roles().stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException("Repair reports are for the service desk, supervisors, administrators and customers");
        }
    }
}
