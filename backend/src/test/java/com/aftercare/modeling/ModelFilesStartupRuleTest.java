package com.aftercare.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.aftercare.support.IntegrationTest;

/**
 * The start-up rule of ADR 0005, on the real engine: bpmn/ files are deployed when they changed, and
 * a newer version deployed from the workbench is never silently replaced by a file.
 */
class ModelFilesStartupRuleTest extends IntegrationTest {

    @Autowired RepositoryService repository;
    @Autowired DeployedModels deployed;
    @Autowired ModelChangeRepository changes;
    @Autowired ModelFileStateRepository fileStates;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock appClock;
    @TempDir Path folder;
    final List<String> created = new ArrayList<>();
    String shipped;

    @BeforeEach
    void shippedFile() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bpmn/repair-return.bpmn")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void cleanUp() {
        created.forEach(id -> repository.deleteDeployment(id, true));
        // what the shipped file looked like when the application started
        fileStates.save(new ModelFileState("repair-return.bpmn", ModelFiles.sha256(shipped.getBytes(StandardCharsets.UTF_8)), appClock.instant()));
    }

    /** Starts the file sync as the application would, on a folder holding one repair-return.bpmn. */
    private void startUpWith(String content, String onConflict) throws IOException {
        Files.writeString(folder.resolve("repair-return.bpmn"), content);
        List<String> before = ids();
        new ModelFiles(repository, deployed, changes, fileStates, transaction, appClock, folder.toUri().toString(), onConflict)
                .afterSingletonsInstantiated();
        ids().stream().filter(id -> !before.contains(id)).forEach(created::add);
    }

    private List<String> ids() {
        return deployed.versions("repairReturn").stream().map(DeployedModels.Version::deploymentId).toList();
    }

    private String workbench(String content) {
        String id = repository.createDeployment().name("repair-return.bpmn").source(DeployedModels.WORKBENCH)
                .addInputStream("repair-return.bpmn", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .deploy().getId();
        created.add(id);
        return id;
    }

    private DeployedModels.Version latest() {
        return deployed.latest("repairReturn").orElseThrow();
    }

    private String latestContent() {
        return new String(deployed.resource(latest()), StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedFileDeploysNothing() throws IOException {
        int version = latest().version();
        startUpWith(shipped, "keep-deployed");
        assertThat(latest().version()).isEqualTo(version);
    }

    @Test
    void aChangedFileIsDeployedAsANewVersion() throws IOException {
        int version = latest().version();
        String changed = shipped.replace("name=\"Repair-return", "name=\"Repair and return");
        assertThat(changed).isNotEqualTo(shipped);
        startUpWith(changed, "keep-deployed");
        assertThat(latest().version()).isEqualTo(version + 1);
        assertThat(latest().source()).isEqualTo(DeployedModels.FILES);
        assertThat(latestContent()).isEqualTo(changed);
    }

    @Test
    void aWorkbenchVersionNewerThanTheFileIsKept() throws IOException {
        String edited = shipped.replace("name=\"Repair-return", "name=\"Edited in the browser");
        workbench(edited);
        int version = latest().version();

        startUpWith(shipped, "keep-deployed");

        assertThat(latest().version()).isEqualTo(version);
        assertThat(latestContent()).isEqualTo(edited);
    }

    @Test
    void whenBothChangedTheWorkbenchVersionIsKeptAndTheConflictLogged() throws IOException {
        workbench(shipped.replace("name=\"Repair-return", "name=\"Edited in the browser"));
        int version = latest().version();
        String committed = shipped.replace("name=\"Repair-return", "name=\"Changed in git");

        startUpWith(committed, "keep-deployed");

        assertThat(latest().version()).isEqualTo(version);
        assertThat(latestContent()).contains("Edited in the browser");
        assertThat(changes.findByModelKeyOrderByAtDescIdDesc("repairReturn", org.springframework.data.domain.PageRequest.of(0, 1)))
                .first().satisfies(c -> {
                    assertThat(c.getAction()).isEqualTo(ModelChange.Action.FILE_KEPT_NEWER_DEPLOYMENT);
                    assertThat(c.getSummary()).contains("kept the workbench version");
                });

        startUpWith(committed, "deploy-file");
        assertThat(latest().version()).as("the explicit override deploys the file").isEqualTo(version + 1);
        assertThat(latestContent()).contains("Changed in git");
    }

    @Test
    void theExportedWorkbenchVersionCommittedAsTheFileIsInSyncAndLaterFileEditsDeploy() throws IOException {
        String edited = shipped.replace("name=\"Repair-return", "name=\"Edited in the browser");
        workbench(edited);
        int version = latest().version();

        startUpWith(edited, "keep-deployed");
        assertThat(latest().version()).as("exported and committed: in sync").isEqualTo(version);

        String editedAgain = edited.replace("Edited in the browser", "Then edited in git");
        startUpWith(editedAgain, "keep-deployed");
        assertThat(latest().version()).as("only the file changed since: it is newer").isEqualTo(version + 1);
        assertThat(latestContent()).contains("Then edited in git");
    }
}
