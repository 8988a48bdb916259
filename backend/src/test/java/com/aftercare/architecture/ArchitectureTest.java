package com.aftercare.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package-by-feature rules of docs/adr/0001 on the application: features don't form cycles, stay behind
 * their services and each other's use cases, and only the workflow port and the model editor know the engine.
 * {@link PlantedViolationsTest} shows each {@link FeatureRules} rule failing on a planted violation.
 */
@AnalyzeClasses(packages = "com.aftercare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "com.aftercare";

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = FeatureRules.featuresAreFreeOfCycles(ROOT);

    @ArchTest
    static final ArchRule engineOnlyBehindTheWorkflowPort = FeatureRules.engineOnlyBehindTheWorkflowPort(ROOT);

    @ArchTest
    static final ArchRule noFeatureReadsAnotherFeaturesRepository = FeatureRules.noFeatureReadsAnotherFeaturesRepository(ROOT);

    @ArchTest
    static final ArchRule controllersGoThroughServices = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Repository"),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.aftercare..")))
            .because("a controller calls its feature's service, which owns the transaction (Spring's own *Repository types are not ours)");

    @ArchTest
    static final ArchRule domainCodeDoesNotReadTheSystemClock = noClasses().that()
            // probes: device protocols stamp messages with the real time (ONVIF WS-Security), not business time
            .resideOutsideOfPackages("com.aftercare.common", "com.aftercare.probes..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock so tests and SLA maths agree");
}
