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
    void levelFromImpactAndUrgency(String impact, String urgency, String level) throws Exception {
        try (InputStream model = getClass().getResourceAsStream("/bpmn/fault-level.dmn")) {
            DmnDecision decision = DMN.parseDecision("faultLevel", model);
            Object result = DMN.evaluateDecisionTable(decision, Variables.createVariables()
                    .putValue("impact", impact).putValue("urgency", urgency)).getSingleResult().getSingleEntry();
            assertThat(result).isEqualTo(level);
        }
    }

    /** SLA-2: the 0-5 scheme; consultations are support requests, crashes (4, 5) are set by the desk. */
    @ParameterizedTest(name = "{0}, impact {1}, urgency {2} -> level {3}")
    @CsvSource({
            "CONSULTATION,HIGH,HIGH,0", "DEFECT,HIGH,HIGH,3", "DEFECT,HIGH,MEDIUM,2", "DEFECT,MEDIUM,HIGH,2",
            "DEFECT,HIGH,LOW,1", "DEFECT,MEDIUM,MEDIUM,1", "DEFECT,LOW,HIGH,1", "DEFECT,MEDIUM,LOW,0",
            "DEFECT,LOW,MEDIUM,0", "DEFECT,LOW,LOW,0" })
    void sixLevelScheme(String category, String impact, String urgency, String level) throws Exception {
        assertThat(decide("/bpmn/fault-level-six.dmn", "faultLevelSix", category, impact, urgency)).isEqualTo(level);
    }

    /** SLA-3: A system down, B degraded, C must fix without impact; D is the desk's call. */
    @ParameterizedTest(name = "{0}, impact {1}, urgency {2} -> class {3}")
    @CsvSource({
            "CONSULTATION,HIGH,HIGH,C", "DEFECT,HIGH,HIGH,A", "DEFECT,HIGH,MEDIUM,A", "DEFECT,HIGH,LOW,B",
            "DEFECT,MEDIUM,HIGH,B", "DEFECT,MEDIUM,MEDIUM,B", "DEFECT,MEDIUM,LOW,C", "DEFECT,LOW,HIGH,C",
            "DEFECT,LOW,LOW,C" })
    void abcdClasses(String category, String impact, String urgency, String level) throws Exception {
        assertThat(decide("/bpmn/fault-class.dmn", "faultClass", category, impact, urgency)).isEqualTo(level);
    }

    private static Object decide(String resource, String id, String category, String impact, String urgency) throws Exception {
        try (InputStream model = FaultLevelDecisionTest.class.getResourceAsStream(resource)) {
            DmnDecision decision = DMN.parseDecision(id, model);
            return DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("category", category)
                    .putValue("impact", impact).putValue("urgency", urgency)).getSingleResult().getSingleEntry();
        }
    }
}
