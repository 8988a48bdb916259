package com.aftercare.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The engine's deployed process and decision definitions, seen the same way whatever their kind. */
@Component
class DeployedModels {

    /** Deployment source of versions deployed from the process-owner workbench. */
    static final String WORKBENCH = "workbench";
    /** Deployment source of versions deployed from the files in bpmn/ at start-up. */
    static final String FILES = "bpmn-files";

    enum Kind { PROCESS, DECISION }

    record Version(Kind kind, String key, String name, int version, String definitionId, String deploymentId,
            String resourceName, Instant deployedAt, String source) {

        boolean fromWorkbench() {
            return WORKBENCH.equals(source);
        }

        /** The resource's file name without any folder, e.g. "dispatch.bpmn". */
        String fileName() {
            return resourceName.substring(resourceName.lastIndexOf('/') + 1);
        }
    }

    private final RepositoryService repository;

    DeployedModels(RepositoryService repository) {
        this.repository = repository;
    }

    /** Every version of every model, by key, newest version first. */
    List<Version> all() {
        Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
                .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().list()) {
            versions.add(version(Kind.PROCESS, d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                    d.getResourceName(), deployments));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
            versions.add(version(Kind.DECISION, d.getKey(), d.getName(), d.getVersion(), d.getId(), d.getDeploymentId(),
                    d.getResourceName(), deployments));
        }
        versions.sort(Comparator.comparing(Version::kind).thenComparing(Version::key)
                .thenComparing(Comparator.comparingInt(Version::version).reversed()));
        return versions;
    }

    List<Version> versions(String key) {
        return all().stream().filter(v -> v.key().equals(key)).toList();
    }

    Optional<Version> latest(String key) {
        return versions(key).stream().findFirst();
    }

    Optional<Version> byDefinitionId(String definitionId) {
        return all().stream().filter(v -> v.definitionId().equals(definitionId)).findFirst();
    }

    byte[] resource(Version version) {
        try (InputStream in = repository.getResourceAsStream(version.deploymentId(), version.resourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Version version(Kind kind, String key, String name, int version, String id, String deploymentId,
            String resourceName, Map<String, Deployment> deployments) {
        Deployment deployment = deployments.get(deploymentId);
        Instant at = deployment == null || deployment.getDeploymentTime() == null ? null
                : deployment.getDeploymentTime().toInstant();
        return new Version(kind, key, name == null ? key : name, version, id, deploymentId, resourceName, at,
                deployment == null ? null : deployment.getSource());
    }
}
