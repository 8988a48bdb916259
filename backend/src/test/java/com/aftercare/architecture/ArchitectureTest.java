package com.aftercare.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package-by-feature rules of docs/adr/0001: features don't form cycles, and stay behind their services. */
@AnalyzeClasses(packages = "com.aftercare", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("com.aftercare.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersGoThroughServices = noClasses().that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Repository"),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.aftercare..")))
            .because("a controller calls its feature's service, which owns the transaction (Spring's own *Repository types are not ours)");

    /** Engine API calls stay in few places (ADR 0002: Operaton is the exit if one is ever needed). */
    @ArchTest
    static final ArchRule engineApiStaysInTheWorkflowFeatures = noClasses()
            .that().resideInAnyPackage("com.aftercare.asset..", "com.aftercare.engineer..", "com.aftercare.identity..",
                    "com.aftercare.notify..", "com.aftercare.sla..", "com.aftercare.casefile..", "com.aftercare.demo..",
                    "com.aftercare.common..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    @ArchTest
    static final ArchRule domainCodeDoesNotReadTheSystemClock = noClasses().that().resideOutsideOfPackage("com.aftercare.common")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock so tests and SLA maths agree");
}
