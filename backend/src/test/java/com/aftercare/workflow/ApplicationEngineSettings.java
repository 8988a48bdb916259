package com.aftercare.workflow;

import java.util.ArrayList;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * For benchmarks: the pure engine settings of {@link EngineConfiguration} on a bare engine of their own (no Spring, no
 * parse listeners, none of our steps): the decision tables' FEEL answered as the application's engine answers it
 * ({@link LiteralFirstFeel}), the product's history level and writer, no CMMN. What the engine costs for our models
 * as we configure it, without our code (IntakeBenchmark's "our models" row, ADR 0080).
 */
public final class ApplicationEngineSettings {

    private ApplicationEngineSettings() {
    }

    public static void apply(ProcessEngineConfigurationImpl configuration) {
        configuration.setCmmnEnabled(false);
        DefaultDmnEngineConfiguration dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> new LiteralFirstFeel(new ScalaFeelEngineFactory().createInstance()));
        configuration.setDmnEngineConfiguration(dmn);
        configuration.setCustomHistoryLevels(new ArrayList<>(java.util.List.of(new ProductHistoryLevel())));
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(java.util.List.of(new ProductHistoryWriter())));
    }
}
