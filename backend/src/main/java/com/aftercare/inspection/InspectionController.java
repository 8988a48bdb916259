package com.aftercare.inspection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.common.BadRequestException;
import com.aftercare.inspection.InspectionViews.InspectionDetail;
import com.aftercare.inspection.InspectionViews.InspectionSummary;
import com.aftercare.inspection.InspectionViews.PlanView;
import com.aftercare.inspection.InspectionViews.SiteHazardView;
import com.aftercare.print.PdfDownload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Preventive inspections (issue 16, PM-1..PM-5). Plans: read by staff, written by the process owner, supervisor and
 * admin. Inspections: staff read all, a customer's user their own unit's (another's is 404); the desk or the customer
 * agrees the time, the engineer works the checklist, the customer signs (portal) or signs on the engineer's phone.
 */
@RestController
@Tag(name = "Inspections")
class InspectionController {

    record HazardRequest(Boolean lightning, Boolean wind) {
    }

    private final SaveInspectionPlan savePlan;
    private final ReadInspections read;
    private final AgreeInspectionTime agree;
    private final RecordCheck recordCheck;
    private final RunProbeChecks runProbes;
    private final VerifyAssetRecord verifyAsset;
    private final DecideAssetCorrection decideAsset;
    private final FinishChecklist finish;
    private final SignInspection sign;
    private final StartWeatherInspection weather;
    private final MarkSiteHazards markHazards;
    private final RenderInspectionReport report;
    private final ReadInspectionPhoto readPhoto;

    InspectionController(SaveInspectionPlan savePlan, ReadInspections read, AgreeInspectionTime agree, RecordCheck recordCheck,
            RunProbeChecks runProbes, VerifyAssetRecord verifyAsset, DecideAssetCorrection decideAsset, FinishChecklist finish, SignInspection sign,
            StartWeatherInspection weather, MarkSiteHazards markHazards, RenderInspectionReport report, ReadInspectionPhoto readPhoto) {
        this.savePlan = savePlan;
        this.read = read;
        this.agree = agree;
        this.recordCheck = recordCheck;
        this.runProbes = runProbes;
        this.verifyAsset = verifyAsset;
        this.decideAsset = decideAsset;
        this.finish = finish;
        this.sign = sign;
        this.weather = weather;
        this.markHazards = markHazards;
        this.report = report;
        this.readPhoto = readPhoto;
    }

    @GetMapping("/api/inspection-plans")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    List<PlanView> plans() {
        return read.plans();
    }

    @PostMapping("/api/inspection-plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    @Operation(summary = "A new inspection plan; its first inspection opens the next morning (07:00 Beijing time)")
    PlanView createPlan(@Valid @RequestBody SaveInspectionPlan.PlanCommand body) {
        return read.plan(savePlan.create(body).getId());
    }

    @PutMapping("/api/inspection-plans/{id}")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    PlanView editPlan(@PathVariable long id, @Valid @RequestBody SaveInspectionPlan.PlanCommand body) {
        return read.plan(savePlan.edit(id, body).getId());
    }

    @GetMapping("/api/inspections")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    List<InspectionSummary> inspections(@RequestParam(name = "overdue", defaultValue = "false") boolean overdue) {
        return read.list(overdue);
    }

    @GetMapping("/api/inspections/overdue-count")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    Map<String, Long> overdueCount() {
        return Map.of("overdue", read.overdueCount());
    }

    @GetMapping("/api/inspections/{id}")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    InspectionDetail inspection(@PathVariable long id) {
        return read.read(id);
    }

    /**
     * A checklist line's photo (ADR 0082), by the photoUrl the inspection names. Its bytes never change under its id,
     * so the browser keeps it a day without asking again (private: never a shared cache), and sends the ETag after.
     */
    @GetMapping("/api/inspections/{id}/photos/{photoId}")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    @Operation(summary = "A checklist line's photo (JPEG or PNG); 404 for another unit's inspection or another inspection's photo")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        ReadInspectionPhoto.Photo photo = readPhoto.read(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.maxAge(PHOTO_MAX_AGE).cachePrivate().immutable())
                .eTag("\"" + photo.sha256() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(photo.bytes());
    }

    static final Duration PHOTO_MAX_AGE = Duration.ofDays(1);

    @PostMapping("/api/inspections/{id}/time")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'SUPERVISOR', 'CUSTOMER')")
    @Operation(summary = "The agreed inspection time (the customer in the portal, or the desk from a call); again: moved to another day")
    InspectionDetail agreeTime(@PathVariable long id, @Valid @RequestBody AgreeInspectionTime.AgreeCommand body) {
        agree.agree(id, body);
        return read.read(id);
    }

    @PutMapping("/api/inspections/{id}/checks/{checkId}")
    @PreAuthorize("hasAnyRole('ENGINEER', 'SUPERVISOR')")
    InspectionDetail recordCheck(@PathVariable long id, @PathVariable long checkId,
            @Valid @RequestBody RecordCheck.CheckCommand body) {
        recordCheck.record(id, checkId, body);
        return read.read(id);
    }

    @PostMapping("/api/inspections/{id}/probe")
    @PreAuthorize("hasAnyRole('ENGINEER', 'SUPERVISOR')")
    @Operation(summary = "Runs the device probes of the checklist's automated items; at a site served by a probe agent they are queued for the agent (probeQueuedAt) and stay open until it reports")
    InspectionDetail probe(@PathVariable long id) {
        runProbes.run(id);
        return read.read(id);
    }

    @PostMapping("/api/inspections/{id}/assets")
    @PreAuthorize("hasAnyRole('ENGINEER', 'SUPERVISOR')")
    @Operation(summary = "PM-5: a device's record confirmed, or what was found on site")
    InspectionDetail verifyAsset(@PathVariable long id, @Valid @RequestBody VerifyAssetRecord.AssetCommand body) {
        verifyAsset.verify(id, body);
        return read.read(id);
    }

    @PostMapping("/api/inspections/{id}/assets/{deviceId}/decision")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "PM-5: the asset keeper approves a correction found on site (applied to the device record) or rejects it with a note; once (409)")
    InspectionDetail decideAsset(@PathVariable long id, @PathVariable long deviceId,
            @Valid @RequestBody DecideAssetCorrection.DecisionCommand body) {
        decideAsset.decide(id, deviceId, body);
        return read.read(id);
    }

    @GetMapping("/api/inspections/asset-corrections")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN', 'SUPERVISOR')")
    @Operation(summary = "PM-5: corrections found on site waiting for the asset keeper")
    List<InspectionViews.AssetCorrectionView> assetCorrections() {
        return read.pendingCorrections();
    }

    @PostMapping("/api/inspections/{id}/finish")
    @PreAuthorize("hasAnyRole('ENGINEER', 'SUPERVISOR')")
    @Operation(summary = "Checklist done: every failed item opens a fault case linked to the inspection")
    InspectionDetail finish(@PathVariable long id) {
        finish.finish(id);
        return read.read(id);
    }

    @PostMapping("/api/inspections/{id}/sign")
    @PreAuthorize("hasAnyRole('ENGINEER', 'CUSTOMER')")
    @Operation(summary = "The customer's opinion and signature (portal, or drawn on the engineer's phone)")
    InspectionDetail sign(@PathVariable long id, @Valid @RequestBody SignInspection.SignCommand body) {
        sign.sign(id, body);
        return read.read(id);
    }

    @GetMapping(path = "/api/inspections/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'ENGINEER', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN', 'CUSTOMER')")
    @Operation(summary = "The inspection report as a PDF; 404 before the checklist is done")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, @RequestParam(name = "lang", required = false) String lang) {
        RenderInspectionReport.Pdf pdf = report.render(id, PdfDownload.language(lang));
        return PdfDownload.attachment(pdf.fileName(), pdf.asciiFileName(), pdf.bytes());
    }

    @PostMapping("/api/inspections/weather")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'SUPERVISOR')")
    @Operation(summary = "PM-3: a weather inspection for every site marked prone to the hazard; 409 when none is left to start")
    List<InspectionSummary> weather(@Valid @RequestBody StartWeatherInspection.WeatherCommand body) {
        List<Long> ids = weather.start(body).stream().map(Inspection::getId).toList();
        return read.list(false).stream().filter(s -> ids.contains(s.id())).toList();
    }

    @GetMapping("/api/site-hazards")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    List<SiteHazardView> hazards() {
        return read.hazards();
    }

    @PutMapping("/api/site-hazards/{siteId}")
    @PreAuthorize("hasAnyRole('SERVICE_DESK', 'PROCESS_OWNER', 'SUPERVISOR', 'ADMIN')")
    SiteHazardView markHazards(@PathVariable long siteId, @RequestBody HazardRequest body) {
        if (body == null || body.lightning() == null) {
            throw new BadRequestException("lightning", "must be true or false");
        }
        if (body.wind() == null) {
            throw new BadRequestException("wind", "must be true or false");
        }
        markHazards.mark(siteId, body.lightning(), body.wind());
        return read.hazards().stream().filter(h -> h.siteId() == siteId).findFirst().orElseThrow();
    }
}
