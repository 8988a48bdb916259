package com.aftercare.modeling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import com.aftercare.common.NotFoundException;

/** The Models page: every model with its versions, who deployed each, and how many cases run on it. */
@Service
class ModelCatalog {

    record VersionView(String definitionId, int version, Instant deployedAt, String deployedBy, String source,
            String comment, Long runningCases) {
    }

    record ModelView(String key, String name, DeployedModels.Kind kind, String resourceName, int latestVersion,
            String latestDefinitionId, Long runningCases, ModelFiles.FileStatus fileStatus, List<VersionView> versions) {
    }

    record ChangeView(Long id, Instant at, String actor, ModelChange.Action action, String modelKey, String resourceName,
            Integer fromVersion, Integer toVersion, String summary, String details) {
    }

    record Xml(String fileName, byte[] content) {
    }

    private final DeployedModels deployed;
    private final ModelFiles files;
    private final ModelChangeRepository changes;
    private final RuntimeService runtime;

    ModelCatalog(DeployedModels deployed, ModelFiles files, ModelChangeRepository changes, RuntimeService runtime) {
        this.deployed = deployed;
        this.files = files;
        this.changes = changes;
        this.runtime = runtime;
    }

    List<ModelView> models() {
        List<DeployedModels.Version> all = deployed.all();
        Map<String, ModelChange> byDeployment = new HashMap<>();
        changes.findByDeploymentIdIn(all.stream().map(DeployedModels.Version::deploymentId).distinct().toList())
                .stream().filter(c -> c.getAction() == ModelChange.Action.DEPLOYED || c.getAction() == ModelChange.Action.FILE_DEPLOYED)
                .forEach(c -> byDeployment.put(c.getDeploymentId() + "|" + c.getModelKey(), c));
        Map<String, List<DeployedModels.Version>> byKey = new LinkedHashMap<>();
        all.forEach(v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
        List<ModelView> models = new ArrayList<>();
        for (List<DeployedModels.Version> versions : byKey.values()) {
            DeployedModels.Version latest = versions.get(0);
            boolean process = latest.kind() == DeployedModels.Kind.PROCESS;
            List<VersionView> views = new ArrayList<>();
            long total = 0;
            for (DeployedModels.Version v : versions) {
                Long running = process ? runtime.createProcessInstanceQuery().processDefinitionId(v.definitionId()).count() : null;
                total += running == null ? 0 : running;
                ModelChange change = byDeployment.get(v.deploymentId() + "|" + v.key());
                boolean workbench = v.fromWorkbench();
                views.add(new VersionView(v.definitionId(), v.version(), v.deployedAt(),
                        change == null ? null : change.getActor(), workbench ? "WORKBENCH" : "BPMN_FILES",
                        change != null && workbench ? change.getSummary() : null, running));
            }
            models.add(new ModelView(latest.key(), latest.name(), latest.kind(), latest.fileName(), latest.version(),
                    latest.definitionId(), process ? total : null, files.status(latest.key(), versions), views));
        }
        return models;
    }

    Xml xml(String definitionId) {
        DeployedModels.Version version = deployed.byDefinitionId(definitionId)
                .orElseThrow(() -> new NotFoundException("No model version " + definitionId));
        String file = version.fileName();
        int dot = file.lastIndexOf('.');
        String name = file.substring(0, dot) + "-v" + version.version() + file.substring(dot);
        return new Xml(name, deployed.resource(version));
    }

    /** The newest version of every model file, named as in bpmn/, ready to be committed there. */
    byte[] exportZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> written = new LinkedHashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Map<String, DeployedModels.Version> latestByKey = new LinkedHashMap<>();
            deployed.all().forEach(v -> latestByKey.putIfAbsent(v.key(), v));
            for (DeployedModels.Version v : latestByKey.values()) {
                if (!written.add(v.fileName())) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(v.fileName()));
                zip.write(deployed.resource(v));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    List<ChangeView> changes(String key) {
        PageRequest page = PageRequest.of(0, 500);
        List<ModelChange> rows = key == null || key.isBlank() ? changes.findByOrderByAtDescIdDesc(page)
                : changes.findByModelKeyOrderByAtDescIdDesc(key, page);
        return rows.stream().map(c -> new ChangeView(c.getId(), c.getAt(), c.getActor(), c.getAction(), c.getModelKey(),
                c.getResourceName(), c.getFromVersion(), c.getToVersion(), c.getSummary(), c.getDetails())).toList();
    }
}
