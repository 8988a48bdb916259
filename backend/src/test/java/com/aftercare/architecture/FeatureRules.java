package com.aftercare.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Optional;

import org.springframework.data.repository.Repository;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The feature rules of docs/adr/0001, built for a root package so that the very rules run on the
 * application ({@code com.aftercare}) are also shown to fail on the planted classes of
 * {@link PlantedViolationsTest}. A feature is the first package below the root.
 */
final class FeatureRules {

    /** The packages below the root that may talk to the engine: the port (workflow) and the model editor (modeling). */
    // (the probe agents' endpoints reach the engine through the workflow port ProbeJobs, as ProbeWorker does; ADR 0032)
    static final String[] ENGINE_FEATURES = {"workflow", "modeling"};

    private FeatureRules() {
    }

    /**
     * An allow-list, not a deny-list: a new feature package is kept away from the engine without
     * anyone remembering to add it (the old deny-list had missed modeling's neighbours audit,
     * calendar and supervision). ADR 0002: the engine stays replaceable (Operaton).
     */
    static ArchRule engineOnlyBehindTheWorkflowPort(String root) {
        String[] allowed = new String[ENGINE_FEATURES.length];
        for (int i = 0; i < allowed.length; i++) {
            allowed[i] = root + "." + ENGINE_FEATURES[i] + "..";
        }
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideInAPackage(root + "..").and().resideOutsideOfPackages(allowed)
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("only the workflow port and the model editor know the engine (ADR 0002)");
    }

    /** A feature's data is read through that feature's use cases, never through its repository. */
    static ArchRule noFeatureReadsAnotherFeaturesRepository(String root) {
        return classes().that().resideInAPackage(root + "..")
                .should(new ArchCondition<JavaClass>("read only their own feature's repositories") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> own = feature(root, origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass().getBaseComponentType();
                            if (!target.isAssignableTo(Repository.class)) {
                                continue;
                            }
                            Optional<String> owner = feature(root, target);
                            if (owner.isPresent() && !owner.equals(own)) {
                                events.add(SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription() + ", a repository of feature " + owner.get()));
                            }
                        }
                    }
                })
                .because("a feature owns its tables; others go through its use cases (ADR 0001)");
    }

    static ArchRule featuresAreFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The first package below the root, if the class lives in one (the root package itself is no feature). */
    private static Optional<String> feature(String root, JavaClass javaClass) {
        String prefix = root + ".";
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = pkg.substring(prefix.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
