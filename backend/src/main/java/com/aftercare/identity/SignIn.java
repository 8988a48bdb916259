package com.aftercare.identity;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How a request proves who it is: local accounts with HTTP Basic ({@link LocalSignIn}, the default) or Keycloak
 * access tokens as a Bearer header ({@link OidcSignIn}, {@code aftercare.auth.mode=oidc}, the {@code keycloak}
 * profile). Exactly one is active; {@link SecurityConfig} applies it and keeps everything else (routes, roles,
 * error bodies) the same for both.
 */
interface SignIn {

    /** Adds this sign-in's authentication filter to the API chain; {@code unauthorized} writes the 401. */
    default void apply(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
        // the SPA asks this before anyone is signed in; registered ahead of SecurityConfig's "/api/**" rule
        http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, AuthConfigController.PATH).permitAll());
        configure(http, unauthorized);
    }

    void configure(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception;

    /** The 401 of this sign-in: {@code problem} (the problem+json body), plus whatever challenge header it needs. */
    default AuthenticationEntryPoint challenge(AuthenticationEntryPoint problem) {
        return problem;
    }

    /** What the SPA needs to show the right sign-in: {@code GET /api/auth/config}. */
    AuthConfig clientConfig();

    /** {@code mode} is {@code local} or {@code oidc}; issuer and client id only for oidc (nulls are left out). */
    record AuthConfig(String mode, String issuer, String clientId) {
    }
}
