package com.aftercare.modeling;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The process-owner workbench API. Everyone with PROCESS_OWNER or ADMIN may look and check a model
 * (checking changes nothing); only PROCESS_OWNER may deploy and migrate.
 */
@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "BPMN and DMN models: versions, deployment guard, roll-out and migration")
class ModelController {

    record ModelFile(String fileName, String xml, String comment) {
    }

    record MigrationRequest(String sourceDefinitionId, String targetDefinitionId, Boolean restartTimers,
            List<String> processInstanceIds) {

        boolean restart() {
            return restartTimers == null || restartTimers;
        }
    }

    private final ModelCatalog catalog;
    private final ModelDeployments deployments;
    private final CaseMigration migration;

    ModelController(ModelCatalog catalog, ModelDeployments deployments, CaseMigration migration) {
        this.catalog = catalog;
        this.deployments = deployments;
        this.migration = migration;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "Every process and decision with its versions and running cases")
    Map<String, Object> models() {
        return Map.of("models", catalog.models());
    }

    @GetMapping("/definitions/{definitionId}/xml")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "Download one version's BPMN or DMN file")
    ResponseEntity<byte[]> xml(@PathVariable String definitionId) {
        ModelCatalog.Xml xml = catalog.xml(definitionId);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(xml.fileName()).build().toString())
                .body(xml.content());
    }

    @GetMapping("/export.zip")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "The newest version of every model, as files to commit to bpmn/models")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("aftercare-models.zip").build().toString())
                .body(catalog.exportZip());
    }

    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "Run the deployment guard and diff against the deployed version, without deploying")
    ModelDeployments.CheckResult check(@RequestBody ModelFile file) {
        return deployments.check(file.fileName(), file.xml());
    }

    @PostMapping("/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    @Operation(summary = "Deploy a model as a new version (new cases start on it; running cases stay)")
    ModelDeployments.DeployResult deploy(@RequestBody ModelFile file) {
        return deployments.deploy(file.fileName(), file.xml(), file.comment());
    }

    @GetMapping("/changes")
    @PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
    @Operation(summary = "The change log: deployments and migrations, newest first")
    Map<String, Object> changes(@RequestParam(required = false) String key) {
        return Map.of("changes", catalog.changes(key));
    }

    @PostMapping("/migrations/dry-run")
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    @Operation(summary = "Which running cases could move to the target version, and why not; changes nothing")
    CaseMigration.DryRun dryRun(@RequestBody MigrationRequest request) {
        return migration.dryRun(request.sourceDefinitionId(), request.targetDefinitionId(), request.restart());
    }

    @PostMapping("/migrations")
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    @Operation(summary = "Move the given running cases to the target version, case by case")
    CaseMigration.Result migrate(@RequestBody MigrationRequest request) {
        return migration.migrate(request.sourceDefinitionId(), request.targetDefinitionId(), request.restart(),
                request.processInstanceIds());
    }

    /** A refused model: 400 with every violation, and the elements as "errors" like any other bad field. */
    @ExceptionHandler(ModelRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ModelRejectedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("Model rejected");
        body.setProperty("violations", e.violations());
        body.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.elementId() == null ? "xml" : v.elementId(), "message", v.rule() + ": " + v.message()))
                .toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
