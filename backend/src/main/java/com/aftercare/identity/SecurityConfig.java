package com.aftercare.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless API security. How a request signs in is {@link SignIn}'s business: local accounts with HTTP Basic (the
 * SPA's login page sends the same header; the 401 carries no Basic challenge so browsers never pop up their own
 * dialog), or Keycloak access tokens in the {@code keycloak} profile.
 * Roles are enforced here for coarse routes and in the services for task-level rules.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, SignIn signIn) throws Exception {
        AuthenticationEntryPoint unauthorized = signIn.challenge((request, response, e) -> writeProblem(response, HttpStatus.UNAUTHORIZED, "Sign in first"));
        AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "Your role may not do this");
        signIn.apply(http, unauthorized); // local accounts with Basic, or Keycloak Bearer tokens: see SignIn
        http.csrf(c -> c.disable()) // stateless API with Authorization headers, no cookies
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/engine-rest/**", "/camunda/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole("SERVICE_DESK", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/sites", "/api/devices").hasAnyRole("SERVICE_DESK", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/devices/*/probe").hasAnyRole("SERVICE_DESK", "ENGINEER", "ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll());
        return http.build();
    }

    /** Security errors happen before Spring MVC, so they write their problem+json body themselves. */
    private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
