package com.aftercare.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.support.IntegrationTest;

/**
 * Every model shipped in bpmn/ passes the deployment guard, so a process owner can open any of them
 * in the workbench, change a timer and deploy; and the guard's rules keep up with the models.
 */
class ShippedModelsTest extends IntegrationTest {

    @Autowired ModelGuard guard;
    @Autowired ModelFiles files;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;

    /**
     * Issue 17: the engine's history is removed by its cleanup (ADR 0056), which only touches what has a time to live:
     * every deployed process and decision has one; a case's processes keep 180 days, the yearly schedules (surveys,
     * inspection plans, reports) 400 so that last year's run is still there to compare.
     */
    @Test
    void everyDeployedModelHasAHistoryTimeToLiveOf180Days() {
        var processes = repository.createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(p -> p.getKey()).contains("faultIntake", "escalation", "dispatch");
        processes.forEach(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isIn(180, 400));
        processes.stream().filter(p -> java.util.Set.of("faultIntake", "escalation", "dispatch").contains(p.getKey()))
                .forEach(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isEqualTo(180));
        repository.createDecisionDefinitionQuery().latestVersion().list()
                .forEach(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
    }

    @Test
    void everyShippedModelPassesTheGuard() {
        Map<String, ModelFiles.ModelFile> shipped = files.files();
        assertThat(shipped.keySet()).contains("fault-intake.bpmn", "dispatch.bpmn", "verification.bpmn",
                "customer-callback.bpmn", "repair-return.bpmn", "escalation.bpmn", "fault-level.dmn",
                "fault-level-six.dmn", "fault-class.dmn");
        shipped.values().forEach(file -> assertThat(guard.check(file.fileName(), file.content()).violations())
                .as(file.fileName()).isEmpty());
    }

    /**
     * A task listener names its delegate in Camunda's plain delegateExpression attribute (as the engine and bpmn-js
     * write it): an allowed listener passes (fault-intake's first-line clock, above), any other bean is refused.
     */
    @Test
    void aTaskListenerMayNameOnlyAnAllowedListener() {
        ModelFiles.ModelFile intake = files.files().get("fault-intake.bpmn");
        String xml = new String(intake.content(), java.nio.charset.StandardCharsets.UTF_8);
        String planted = xml.replace("delegateExpression=\"${firstLineStartedListener}\"",
                "delegateExpression=\"${ticketService}\"");
        assertThat(planted).isNotEqualTo(xml);
        assertThat(guard.check(intake.fileName(), planted.getBytes(java.nio.charset.StandardCharsets.UTF_8)).violations()).as("a bean that is no listener")
                .isNotEmpty();
    }

    /**
     * The models page, the migration dialog and the editor show a model's name in the reader's language by taking the
     * half of "English / 中文" that is theirs (frontend shared/format nameInLanguage): every shipped process and
     * decision is named so, or a Chinese process owner reads an English name.
     */
    @Test
    void everyShippedModelIsNamedInBothLanguages() {
        var han = java.util.regex.Pattern.compile("\\p{IsHan}");
        var names = new java.util.ArrayList<String>();
        files.files().values().forEach(file -> {
            var in = new java.io.ByteArrayInputStream(file.content());
            if (file.fileName().endsWith(".dmn")) {
                org.camunda.bpm.model.dmn.Dmn.readModelFromStream(in).getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                        .forEach(d -> names.add(file.fileName() + " " + d.getId() + "=" + d.getName()));
            } else {
                org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(in).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                        .forEach(p -> names.add(file.fileName() + " " + p.getId() + "=" + p.getName()));
            }
        });
        assertThat(names).hasSizeGreaterThan(10).allSatisfy(keyAndName -> {
            String name = keyAndName.substring(keyAndName.indexOf('=') + 1);
            String[] halves = name.split(" / ");
            assertThat(halves).as(keyAndName).hasSize(2);
            assertThat(han.matcher(halves[0]).find()).as(keyAndName + ": English first").isFalse();
            assertThat(han.matcher(halves[1]).find()).as(keyAndName + ": Chinese second").isTrue();
        });
    }

    @Test
    void everyShippedModelIsDeployedAndInSyncWithItsFile() {
        files.files().values().forEach(file -> file.keys().forEach(key ->
                assertThat(files.status(key)).as(key).isEqualTo(ModelFiles.FileStatus.IN_SYNC)));
    }
}
