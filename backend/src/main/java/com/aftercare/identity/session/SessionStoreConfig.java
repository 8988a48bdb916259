package com.aftercare.identity.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * HTTP sessions in the database (Spring Session JDBC, tables from Flyway V53; ADR 0054: every node behind a proxy
 * without stickiness knows every session), seen through {@link LazyTouchSessionRepository} (ADR 0077).
 * <p>
 * Declared here rather than left to Spring Boot's session auto-configuration because a session repository of our
 * own makes Boot's back off; the same Spring Session configuration Boot would import is imported here, and the one
 * setting Boot applied that matters, the timeout ({@code server.servlet.session.timeout}), is applied below.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionStoreConfig {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /** What the session filter uses: the store above, writing a session's last use at most once per step. */
    @Bean
    @Primary
    LazyTouchSessionRepository lazyTouchSessionRepository(JdbcIndexedSessionRepository store,
            @Value("${aftercare.session.touch-step:1m}") Duration touchStep) {
        if (touchStep.isNegative()) {
            throw new IllegalArgumentException("aftercare.session.touch-step must not be negative");
        }
        return new LazyTouchSessionRepository(store, touchStep);
    }
}
