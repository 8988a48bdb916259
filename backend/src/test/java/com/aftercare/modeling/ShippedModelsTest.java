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

    @Test
    void everyShippedModelIsDeployedAndInSyncWithItsFile() {
        files.files().values().forEach(file -> file.keys().forEach(key ->
                assertThat(files.status(key)).as(key).isEqualTo(ModelFiles.FileStatus.IN_SYNC)));
    }
}
