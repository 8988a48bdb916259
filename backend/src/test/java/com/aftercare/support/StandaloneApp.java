package com.aftercare.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.aftercare.AftercareApplication;

/**
 * Starts the real application in this JVM with its own settings and engine name (so it does not
 * clash with the shared test context), for tests that need a restart or a browser.
 */
public final class StandaloneApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StandaloneApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StandaloneApp start(String engineName, Map<String, String> properties) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--spring.profiles.active=test");
        args.add("--camunda.bpm.process-engine-name=" + engineName);
        args.add("--camunda.bpm.generate-unique-process-engine-name=false");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AftercareApplication.class)
                .run(args.toArray(String[]::new));
        return new StandaloneApp(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
