package com.aftercare.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;

/**
 * API security. How a request signs in is {@link SignIn}'s business: local accounts ({@link LocalSignIn}: API
 * clients with HTTP Basic on every request and no session; the SPA once at {@code POST /api/session}, then on an
 * HttpOnly, SameSite=Strict session cookie with a CSRF token, see {@link SessionController} and
 * {@link HttpHardening}), or Keycloak access tokens in the {@code keycloak} profile ({@link OidcSignIn}). The 401
 * carries no Basic challenge so browsers never pop up their own dialog. Failed sign-ins are throttled per user name,
 * fault reports per caller ({@link RateLimitFilter}). Roles are enforced here for coarse routes and in the services
 * for task-level rules; customers' users only reach {@link CustomerRoutes}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private final SignInThrottle signInThrottle;
    private final int intakePerMinute;
    private final RateLimitStore rateLimitStore;
    private final String cspConnectSrc;
    private final String oidcIssuer;

    SecurityConfig(SignInThrottle signInThrottle,
            @org.springframework.beans.factory.annotation.Value("${aftercare.security.intake-per-minute:60}") int intakePerMinute,
            RateLimitStore rateLimitStore,
            @org.springframework.beans.factory.annotation.Value("${aftercare.security.csp-connect-src:}") String cspConnectSrc,
            @org.springframework.beans.factory.annotation.Value("${aftercare.auth.mode:local}") String mode,
            @org.springframework.beans.factory.annotation.Value("${aftercare.auth.oidc.issuer:}") String issuer) {
        this.signInThrottle = signInThrottle;
        this.intakePerMinute = intakePerMinute;
        this.rateLimitStore = rateLimitStore;
        this.cspConnectSrc = cspConnectSrc;
        this.oidcIssuer = "oidc".equals(mode) ? issuer : "";
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SignIn signIn, ReadAccountStanding accounts, MachineTokens machineTokens) throws Exception {
        AuthenticationEntryPoint unauthorized = signIn.challenge((request, response, e) -> writeProblem(response, HttpStatus.UNAUTHORIZED, "Sign in first"));
        AccessDeniedHandler forbidden = (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "Your role may not do this");
        signIn.apply(http, unauthorized); // local accounts with Basic, or Keycloak Bearer tokens: see SignIn
        http.csrf(c -> c
                        // only the SPA's session cookie needs it; API clients send credentials in a header
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(HttpHardening::needsCsrfToken))
                .addFilterAfter(new HttpHardening.CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(new RateLimitFilter(signInThrottle, rateLimitStore, intakePerMinute), BasicAuthenticationFilter.class)
                // machine clients' API tokens (Bearer act_...): a SHA-256 lookup, no password hash per request (ADR 0048)
                .addFilterBefore(new ApiTokenSignIn(machineTokens, unauthorized), BasicAuthenticationFilter.class)
                // after Basic and Bearer (which runs before Basic): a disabled account's session or token stops at once
                .addFilterAfter(new RefuseDisabledAccounts(accounts, unauthorized), BasicAuthenticationFilter.class)
                // Spring Security itself never creates a session; only the SPA's sign-in (POST /api/session)
                // does, and later requests on that cookie are read from it. Basic and Bearer requests never get one.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), existingSessionsOnly())))
                .headers(h -> HttpHardening.headers(h, HttpHardening.connectSources(cspConnectSrc, oidcIssuer)))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(a -> a
                        // load balancers and the container check health; the links index, info and anything
                        // exposed later describe the installation, so they are the admin's only
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/api/session").permitAll()
                        .requestMatchers("/engine-rest/**", "/camunda/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/tickets").hasAnyRole("SERVICE_DESK", "ADMIN", "CUSTOMER")
                        .requestMatchers(HttpMethod.POST, "/api/sites", "/api/devices").hasAnyRole("SERVICE_DESK", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/devices/*/probe").hasAnyRole("SERVICE_DESK", "ENGINEER", "ADMIN")
                        // administration: admins change, supervisors may look (never customers)
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        // a customer's user reaches only the routes made for customers; each scopes its data
                        .requestMatchers("/api/**").access(CustomerRoutes.gate())
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorizations: on a
     * light API request they were about a tenth of its CPU (ADR 0087) for timers nobody reads. The request itself is
     * still timed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The route rules above match the request's path with Spring's path patterns, not through Spring MVC's handler
     * mappings (which looked the handler up once more per rule and request, ADR 0087). Same patterns, same answers:
     * the routes are plain paths without servlet mappings.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRouteRules() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Security errors happen before Spring MVC, so they write their problem+json body themselves. */
    private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    private static HttpSessionSecurityContextRepository existingSessionsOnly() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return sessions;
    }

    /**
     * Spring Security's delegating encoder: new passwords as bcrypt ({@code {bcrypt}$2a$10$...}), stored hashes of
     * any id it knows checked by that id. {@code aftercare.security.bcrypt-cost} (default 10, Spring's) sets the work
     * of a new hash only: a stored hash is always checked at the cost written into it. The test profile sets 4 (a check
     * in about 1/64 of the time; every API call of the test suite signs in with Basic, ADR 0072).
     */
    @Bean
    PasswordEncoder passwordEncoder(
            @org.springframework.beans.factory.annotation.Value("${aftercare.security.bcrypt-cost:10}") int bcryptCost) {
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("aftercare.security.bcrypt-cost must be 4..31 (bcrypt's range), not " + bcryptCost);
        }
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(bcryptCost)));
        // any other id (pbkdf2, argon2, ...) or none: exactly as Spring's factory encoder checks it
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }
}
