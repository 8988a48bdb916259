package com.aftercare.audit;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code java -jar aftercare.jar --aftercare.audit.verify}: starts the application as a command, not
 * a server. Before the context is created this closes the HTTP port (no connector), turns off the
 * job executor (no timer fires) and the background workers, so nothing but start-up itself runs before
 * {@link AuditVerifyCommand} verifies and exits. Registered in META-INF/spring.factories.
 */
public class AuditVerifyMode implements EnvironmentPostProcessor {

    static final String FLAG = "aftercare.audit.verify";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!requested(environment)) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("aftercareAuditVerifyCommand", Map.of(
                // -1: the web application context is built (the security configuration needs it), but no
                // HTTP connector is opened: nothing listens while the command runs
                "server.port", "-1",
                "spring.main.banner-mode", "off",
                "camunda.bpm.job-execution.enabled", "false",
                "aftercare.probe.worker-enabled", "false",
                "aftercare.notify.worker-enabled", "false")));
    }

    static boolean requested(Environment environment) {
        String value = environment.getProperty(FLAG);
        return value != null && !"false".equalsIgnoreCase(value.trim());
    }
}
