package com.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * How many Spring application contexts the backend suite starts. Each start costs a fresh engine, Flyway and
 * Hibernate (half a minute to minutes on a loaded 2-core machine), and Spring caches a context by its merged
 * configuration: a test class with its own properties, imports, mocked beans, profiles or {@code @DirtiesContext}
 * gets a context of its own. This computes that cache key for every {@link IntegrationTest} subclass, the same way
 * the test framework does, without starting anything, and holds the number to the contexts that have a reason.
 * <p>
 * A new test that fails this: share the one context (fill a test double through a registry the shared context
 * already has, or use the real bean), or add the class here with the reason it cannot.
 */
class SpringContextCountTest {

    /** The classes, other than the shared context's, that start a context of their own, and why. */
    private static final Map<String, String> OWN_CONTEXTS = Map.ofEntries(
            Map.entry("KeycloakModeAdministrationTest", "OIDC sign-in mode with stand-in tokens instead of local accounts"),
            Map.entry("InboxQueryCountTest", "a data source that counts statements, on its own database (shared by the next two)"),
            Map.entry("IntakeStatementCountTest", "shares InboxQueryCountTest's context"),
            Map.entry("CaseTasksStatementCountTest", "shares InboxQueryCountTest's context"),
            Map.entry("ApiTokenTest", "shares InboxQueryCountTest's context (its password encoder counts checks)"),
            Map.entry("SessionStatementCountTest", "shares InboxQueryCountTest's context (counts the session table's reads)"),
            Map.entry("DemoRecordersTest", "the demo data seeded into its own database"),
            Map.entry("DemoReportsAndSurveysTest", "the demo's reports and surveys as loaded, before DemoRecordersTest's cases change its figures"),
            Map.entry("DemoChangesTest", "shares DemoReportsAndSurveysTest's demo context (the demo's change requests as loaded)"),
            Map.entry("DemoHotlineTest", "shares DemoReportsAndSurveysTest's demo context (the demo's hotline calls as loaded)"),
            Map.entry("DemoConfigItemsTest", "shares DemoReportsAndSurveysTest's demo context (the demo's configuration items as loaded)"),
            Map.entry("DemoSecurityIncidentsTest", "shares DemoReportsAndSurveysTest's demo context (the demo's security incidents as loaded)"),
            Map.entry("RepairReportsProcessTest", "stand-ins for the repair history and case costs the reports read"),
            Map.entry("RepairReportApiTest", "shares RepairReportsProcessTest's stand-ins"));

    /**
     * The shared context, the OIDC one, the counted one, the two demo ones and the reports' one. It was 7: FieldStepsProcessTest's
     * signature double, and InboxQueryCountTest's CountedDataSource as a nested @TestConfiguration (which split that
     * class from the two that import it), each made one more.
     */
    private static final int MOST_CONTEXTS = 6;

    @Test
    void theSuiteStartsOneSharedContextAndOnlyTheOwnContextsThatHaveAReason() throws Exception {
        Map<MergedContextConfiguration, Set<String>> byContext = new LinkedHashMap<>();
        for (Class<?> test : integrationTests()) {
            MergedContextConfiguration key = BootstrapUtils.resolveTestContextBootstrapper(test).buildMergedContextConfiguration();
            byContext.computeIfAbsent(key, k -> new TreeSet<>()).add(test.getSimpleName());
        }
        List<Set<String>> groups = new ArrayList<>(byContext.values());
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        StringBuilder report = new StringBuilder();
        groups.forEach(g -> report.append("\n  ").append(g.size()).append(" class(es): ").append(g.size() > 6 ? "shared" : g));
        System.out.println("SpringContextCountTest: " + groups.size() + " contexts for " + byContext.values().stream()
                .mapToInt(Set::size).sum() + " IntegrationTest classes" + report);

        assertThat(groups.get(0)).as("the shared context holds almost every class").hasSizeGreaterThan(50);
        List<String> outside = groups.subList(1, groups.size()).stream().flatMap(Set::stream).sorted().toList();
        assertThat(outside).as("classes with a context of their own (add the reason to OWN_CONTEXTS or share it):%s", report)
                .allMatch(OWN_CONTEXTS::containsKey, "has a reason in OWN_CONTEXTS");
        assertThat(groups).as("distinct Spring test contexts:%s", report).hasSizeLessThanOrEqualTo(MOST_CONTEXTS);
    }

    private static List<Class<?>> integrationTests() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // test classes are package-private and some are nested; only abstract bases are left out
                return !definition.getMetadata().isAbstract();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(IntegrationTest.class));
        List<Class<?>> tests = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents("com.aftercare")) {
            tests.add(ClassUtils.forName(found.getBeanClassName(), SpringContextCountTest.class.getClassLoader()));
        }
        assertThat(tests).as("IntegrationTest classes found on the test class path").hasSizeGreaterThan(50);
        return tests;
    }
}
