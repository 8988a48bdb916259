package com.aftercare.modeling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.identity.CurrentUser;

/**
 * The files in bpmn/ are the source of the models; this deploys them at start-up, by one rule
 * (ADR 0005): a file is deployed when its content differs from the newest deployed version of its
 * model, unless that newest version came from the workbench. A workbench version is never replaced
 * silently by a file. The product remembers what each file contained when it was last deployed or
 * in sync ({@link ModelFileState}): if the file is still that, the workbench version is newer and
 * stays; if only the file changed since (the workbench version was exported and committed, then
 * edited), the file is deployed; if both changed, the deployed version is kept with a warning and a
 * change-log entry until someone exports, merges and commits (or sets
 * {@code aftercare.models.on-file-conflict=deploy-file}).
 */
@Component
class ModelFiles implements SmartInitializingSingleton {

    enum FileStatus { IN_SYNC, DEPLOYED_NEWER_THAN_FILE, FILE_NOT_DEPLOYED, NO_FILE }

    record ModelFile(String fileName, byte[] content, ModelGuard.Kind kind, List<String> keys) {
    }

    private static final Logger log = LoggerFactory.getLogger(ModelFiles.class);

    private final RepositoryService repository;
    private final DeployedModels deployed;
    private final ModelChangeRepository changes;
    private final ModelFileStateRepository fileStates;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String location;
    private final boolean deployFileOnConflict;
    private Map<String, ModelFile> files;

    ModelFiles(RepositoryService repository, DeployedModels deployed, ModelChangeRepository changes,
            ModelFileStateRepository fileStates, TransactionTemplate transaction, Clock clock,
            @Value("${aftercare.models.location:classpath*:bpmn/}") String location,
            @Value("${aftercare.models.on-file-conflict:keep-deployed}") String onConflict) {
        this.repository = repository;
        this.deployed = deployed;
        this.changes = changes;
        this.fileStates = fileStates;
        this.transaction = transaction;
        this.clock = clock;
        this.location = location;
        this.deployFileOnConflict = "deploy-file".equals(onConflict);
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (ModelFile file : files().values()) {
            transaction.executeWithoutResult(status -> sync(file));
        }
    }

    /** The bundled model files by file name. */
    synchronized Map<String, ModelFile> files() {
        if (files == null) {
            files = load();
        }
        return files;
    }

    Optional<ModelFile> fileDefining(String key) {
        return files().values().stream().filter(f -> f.keys().contains(key)).findFirst();
    }

    /** How the deployed model {@code key} relates to its file in bpmn/. */
    FileStatus status(String key) {
        return status(key, deployed.versions(key));
    }

    /** The same, for the versions of {@code key} (newest first) the caller has already read. */
    FileStatus status(String key, List<DeployedModels.Version> versions) {
        Optional<ModelFile> file = fileDefining(key);
        Optional<DeployedModels.Version> latest = versions.stream().findFirst();
        if (file.isEmpty()) {
            return FileStatus.NO_FILE;
        }
        if (latest.isEmpty()) {
            return FileStatus.FILE_NOT_DEPLOYED;
        }
        byte[] current = deployed.resource(latest.get());
        if (same(current, file.get().content())) {
            return FileStatus.IN_SYNC;
        }
        if (!latest.get().fromWorkbench()) {
            return FileStatus.FILE_NOT_DEPLOYED;
        }
        return sha256(file.get().content()).equals(lastSeen(file.get(), versions)) ? FileStatus.DEPLOYED_NEWER_THAN_FILE
                : FileStatus.FILE_NOT_DEPLOYED;
    }

    /**
     * The file's content when it was last deployed or in sync; for a database from before this was
     * recorded, the newest version deployed from files.
     */
    private String lastSeen(ModelFile file, List<DeployedModels.Version> versions) {
        return fileStates.findById(file.fileName()).map(ModelFileState::getContentSha256)
                .orElseGet(() -> versions.stream().filter(v -> !v.fromWorkbench()).findFirst()
                        .map(v -> sha256(deployed.resource(v))).orElse(null));
    }

    private void remember(ModelFile file) {
        String sha = sha256(file.content());
        ModelFileState state = fileStates.findById(file.fileName()).orElseGet(() -> new ModelFileState(file.fileName(), sha, clock.instant()));
        state.seen(sha, clock.instant());
        fileStates.save(state);
    }

    private void sync(ModelFile file) {
        String key = file.keys().isEmpty() ? file.fileName() : file.keys().get(0);
        Optional<DeployedModels.Version> latest = file.keys().isEmpty() ? Optional.empty() : deployed.latest(key);
        if (latest.isEmpty()) {
            deploy(file, key, null, "New model: deployed bpmn/" + file.fileName());
            return;
        }
        DeployedModels.Version current = latest.get();
        byte[] currentContent = deployed.resource(current);
        if (same(currentContent, file.content())) {
            remember(file);
            return;
        }
        if (!current.fromWorkbench()) {
            deploy(file, key, current.version(), "bpmn/" + file.fileName() + " changed: deployed it at start-up");
            return;
        }
        String seen = lastSeen(file, deployed.versions(key));
        if (sha256(file.content()).equals(seen)) {
            log.info("Model {}: version {} deployed from the workbench is newer than bpmn/{}; kept it", key,
                    current.version(), file.fileName());
            return;
        }
        if (sha256(currentContent).equals(seen)) {
            // the workbench version was exported and committed, and the file has changed since: the file is newer
            deploy(file, key, current.version(), "bpmn/" + file.fileName() + " changed after the workbench version "
                    + current.version() + " was committed: deployed it at start-up");
            return;
        }
        if (deployFileOnConflict) {
            deploy(file, key, current.version(), "bpmn/" + file.fileName() + " changed and replaced workbench version "
                    + current.version() + " (aftercare.models.on-file-conflict=deploy-file)");
            return;
        }
        String summary = "bpmn/" + file.fileName() + " changed, but so did the deployed model (workbench version "
                + current.version() + "); kept the workbench version. Export it from the Models page,"
                + " merge the file and commit it, or start once with aftercare.models.on-file-conflict=deploy-file";
        log.warn("Model {}: {}", key, summary);
        if (!changes.existsByModelKeyAndActionAndToVersionAndSummary(key, ModelChange.Action.FILE_KEPT_NEWER_DEPLOYMENT,
                current.version(), summary)) {
            changes.save(new ModelChange(clock.instant(), CurrentUser.SYSTEM, ModelChange.Action.FILE_KEPT_NEWER_DEPLOYMENT,
                    key, file.fileName(), current.deploymentId(), current.version(), current.version(), summary, null));
        }
    }

    private void deploy(ModelFile file, String key, Integer fromVersion, String summary) {
        Deployment deployment = repository.createDeployment()
                .name(file.fileName())
                .source(DeployedModels.FILES)
                .addInputStream(file.fileName(), new java.io.ByteArrayInputStream(file.content()))
                .deploy();
        Integer toVersion = deployed.versions(key).stream().filter(v -> v.deploymentId().equals(deployment.getId()))
                .map(DeployedModels.Version::version).findFirst().orElse(null);
        log.info("Model {}: {} (version {})", key, summary, toVersion);
        remember(file);
        changes.save(new ModelChange(clock.instant(), CurrentUser.SYSTEM, ModelChange.Action.FILE_DEPLOYED, key,
                file.fileName(), deployment.getId(), fromVersion, toVersion, summary, null));
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(normalized(content).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(byte[] a, byte[] b) {
        return normalized(a).equals(normalized(b));
    }

    private static String normalized(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
    }

    private Map<String, ModelFile> load() {
        Map<String, ModelFile> result = new LinkedHashMap<>();
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String pattern : List.of("*.dmn", "*.bpmn")) {
                Resource[] resources = resolver.getResources(location + pattern);
                java.util.Arrays.sort(resources, java.util.Comparator.comparing(Resource::getFilename));
                for (Resource resource : resources) {
                    byte[] content;
                    try (InputStream in = resource.getInputStream()) {
                        content = in.readAllBytes();
                    }
                    ModelGuard.Kind kind = pattern.endsWith("bpmn") ? ModelGuard.Kind.BPMN : ModelGuard.Kind.DMN;
                    List<String> keys = ModelGuard.keys(kind, ModelXml.parse(content));
                    result.put(resource.getFilename(), new ModelFile(resource.getFilename(), content, kind, keys));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model files under " + location, e);
        }
        return result;
    }
}
