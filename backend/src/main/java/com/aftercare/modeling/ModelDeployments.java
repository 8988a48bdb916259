package com.aftercare.modeling;

import java.util.Map;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.ResourceReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;

/** Checks and deploys models from the workbench; each deployment is a new version, recorded with who and why. */
@Service
class ModelDeployments {

    @Schema(name = "ModelCheckResult")
    record CheckResult(boolean ok, List<ModelViolation> violations, List<ModelDiff.Change> changes, Integer baseVersion) {
    }

    record DeployedDefinition(String key, int version, String definitionId) {
    }

    record DeployResult(String deploymentId, List<DeployedDefinition> definitions, List<ModelDiff.Change> changes) {
    }

    static final int MAX_COMMENT = 500;

    private final ModelGuard guard;
    private final DeployedModels deployed;
    private final RepositoryService repository;
    private final ModelChangeRepository changes;
    private final ObjectMapper json;
    private final Clock clock;

    ModelDeployments(ModelGuard guard, DeployedModels deployed, RepositoryService repository,
            ModelChangeRepository changes, ObjectMapper json, Clock clock) {
        this.guard = guard;
        this.deployed = deployed;
        this.repository = repository;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
    }

    /** Runs the guard and the diff against the deployed version; never deploys. */
    CheckResult check(String fileName, String xml) {
        byte[] bytes = requireXml(xml);
        ModelGuard.Checked checked;
        try {
            checked = guard.check(fileName, bytes);
        } catch (ModelRejectedException e) {
            return new CheckResult(false, e.violations(), List.of(), null);
        }
        Optional<DeployedModels.Version> base = base(checked);
        return new CheckResult(checked.ok(), checked.violations(), diff(base, checked.document()),
                base.map(DeployedModels.Version::version).orElse(null));
    }

    @Transactional
    DeployResult deploy(String fileName, String xml, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new BadRequestException("comment", "Say what changed (it goes into the change log)");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new BadRequestException("comment", "At most " + MAX_COMMENT + " characters");
        }
        byte[] bytes = requireXml(xml);
        ModelGuard.Checked checked = guard.check(fileName, bytes);
        if (!checked.ok()) {
            throw new ModelRejectedException(checked.violations());
        }
        Optional<DeployedModels.Version> base = base(checked);
        if (base.isPresent() && ModelFiles.same(deployed.resource(base.get()), bytes)) {
            throw ConflictException.of("modelUnchanged", Map.of("version", base.get().version()));
        }
        List<ModelDiff.Change> diff = diff(base, checked.document());
        Deployment deployment;
        try {
            deployment = repository.createDeployment()
                    .name(fileName)
                    .source(DeployedModels.WORKBENCH)
                    .addInputStream(fileName, new ByteArrayInputStream(bytes))
                    .deploy();
        } catch (ParseException e) {
            throw new ModelRejectedException(parseProblems(e));
        } catch (ProcessEngineException e) {
            throw new ModelRejectedException(List.of(ModelViolation.file("engine", e.getMessage())));
        }
        List<DeployedDefinition> definitions = new ArrayList<>();
        String actor = CurrentUser.username();
        for (String key : checked.keys()) {
            Integer from = deployed.versions(key).stream().filter(v -> !v.deploymentId().equals(deployment.getId()))
                    .map(DeployedModels.Version::version).findFirst().orElse(null);
            DeployedModels.Version created = deployed.versions(key).stream()
                    .filter(v -> v.deploymentId().equals(deployment.getId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("deployment " + deployment.getId() + " has no " + key));
            definitions.add(new DeployedDefinition(key, created.version(), created.definitionId()));
            changes.save(new ModelChange(clock.instant(), actor, ModelChange.Action.DEPLOYED, key, fileName,
                    deployment.getId(), from, created.version(), comment.strip() + " (" + diff.size() + " element"
                            + (diff.size() == 1 ? "" : "s") + " changed)", toJson(diff)));
        }
        return new DeployResult(deployment.getId(), definitions, diff);
    }

    private Optional<DeployedModels.Version> base(ModelGuard.Checked checked) {
        return checked.keys().stream().map(deployed::latest).flatMap(Optional::stream).findFirst();
    }

    private List<ModelDiff.Change> diff(Optional<DeployedModels.Version> base, Document edited) {
        if (base.isEmpty()) {
            return List.of();
        }
        return ModelDiff.between(ModelXml.parse(deployed.resource(base.get())), edited);
    }

    private static byte[] requireXml(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new BadRequestException("xml", "The model's XML is missing");
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static List<ModelViolation> parseProblems(ParseException e) {
        List<ModelViolation> violations = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(p -> violations.add(new ModelViolation("engine-parse", p.getMainElementId(), null,
                    p.getMessage() + " (line " + p.getLine() + ")")));
        }
        if (violations.isEmpty()) {
            violations.add(ModelViolation.file("engine-parse", e.getMessage()));
        }
        return violations;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
