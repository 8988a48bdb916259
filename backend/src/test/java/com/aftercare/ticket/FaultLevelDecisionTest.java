package com.aftercare.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SLA-8: the level table of fault-level.dmn, every impact x urgency combination. */
class FaultLevelDecisionTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @ParameterizedTest(name = "impact {0}, urgency {1} -> level {2}")
    @CsvSource({
            "HIGH,HIGH,1", "HIGH,MEDIUM,1", "HIGH,LOW,2",
            "MEDIUM,HIGH,2", "MEDIUM,MEDIUM,2", "MEDIUM,LOW,3",
            "LOW,HIGH,2", "LOW,MEDIUM,3", "LOW,LOW,3" })
    void levelFromImpactAndUrgency(String impact, String urgency, int level) throws Exception {
        try (InputStream model = getClass().getResourceAsStream("/bpmn/fault-level.dmn")) {
            DmnDecision decision = DMN.parseDecision("faultLevel", model);
            Object result = DMN.evaluateDecisionTable(decision, Variables.createVariables()
                    .putValue("impact", impact).putValue("urgency", urgency)).getSingleResult().getSingleEntry();
            assertThat(((Number) result).intValue()).isEqualTo(level);
        }
    }
}
