package com.aftercare.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aftercare.support.IntegrationTest;

/**
 * The starter's Spring application events for executions, tasks and history stay off (ADR 0074): nothing in Aftercare
 * listens to them, and each fault report paid for publishing one per listener event and per history event. The
 * engine's own history handlers (ProductHistoryWriter, the tests' recorder) are all that is left.
 */
class EngineEventingOffTest extends IntegrationTest {

    @Autowired ProcessEngine processEngine;

    @Test
    void theEngineHasNoPublishingListenerOrHistoryHandler() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        List<Object> hooks = new ArrayList<>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            hooks.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            hooks.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        if (configuration.getCustomHistoryEventHandlers() != null) {
            hooks.addAll(configuration.getCustomHistoryEventHandlers());
        }
        assertThat(hooks).as("parse listeners and history handlers").isNotEmpty()
                .noneMatch(h -> h.getClass().getName().startsWith("org.camunda.bpm.spring.boot.starter.event."));
    }
}
