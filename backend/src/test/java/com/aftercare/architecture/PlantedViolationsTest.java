package com.aftercare.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The rules of {@link ArchitectureTest} can fail: each one, built by the same {@link FeatureRules}
 * factory for the root {@code com.aftercare.architecture.planted}, reports exactly the one violation
 * planted for it there, and nothing for the planted classes that keep it.
 */
class PlantedViolationsTest {

    static final String ROOT = "com.aftercare.architecture.planted";

    static JavaClasses planted;

    @BeforeAll
    static void importPlanted() {
        planted = new ClassFileImporter().importPackages(ROOT);
        assertThat(planted).as("the planted classes are on the test class path").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void theEngineAllowListReportsAlphaTalkingToTheEngineButNotWorkflow() {
        List<String> violations = violations(FeatureRules.engineOnlyBehindTheWorkflowPort(ROOT).evaluate(planted));

        assertThat(violations).singleElement().asString()
                .contains(ROOT + ".alpha.StartsProcesses")
                .contains("org.camunda.bpm.engine.RuntimeService")
                .doesNotContain("EnginePort");
    }

    @Test
    void theRepositoryRuleReportsAlphaReadingBetasRepositoryButNotItsOwn() {
        List<String> violations = violations(FeatureRules.noFeatureReadsAnotherFeaturesRepository(ROOT).evaluate(planted));

        assertThat(violations).singleElement().asString()
                .contains(ROOT + ".alpha.ReadsBetasRecords")
                .contains(ROOT + ".beta.BetaRecords")
                .contains("has parameter of type <" + ROOT + ".beta.BetaRecords>")
                .contains("a repository of feature beta")
                .doesNotContain("type <" + ROOT + ".alpha.AlphaRecords>");
    }

    @Test
    void theCycleRuleReportsTheAlphaBetaCycle() {
        EvaluationResult result = FeatureRules.featuresAreFreeOfCycles(ROOT).evaluate(planted);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .containsPattern("Cycle detected: Slice alpha ->\\s+Slice beta ->\\s+Slice alpha")
                .contains("ReadsBetasRecords.read", "CallsAlpha.use")
                .doesNotContain("workflow");
    }

    private static List<String> violations(EvaluationResult result) {
        return result.getFailureReport().getDetails();
    }
}
