package com.aftercare.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/** Browser-facing hardening shared by both sign-in modes: security headers and CSRF for the session cookie. */
final class HttpHardening {

    /**
     * Scripts and everything else from this origin only; inline styles stay allowed because Ant
     * Design writes its CSS at run time. {@code connect-src} also admits the OIDC issuer when one is
     * configured ({@code aftercare.security.csp-connect-src}). The web app manifest and the service worker of the
     * installable app come from this origin (ADR 0019).
     */
    static String contentSecurityPolicy(String extraConnectSrc) {
        String connect = extraConnectSrc == null || extraConnectSrc.isBlank() ? "'self'" : "'self' " + extraConnectSrc.trim();
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src " + connect + "; frame-ancestors 'none'; base-uri 'self'; "
                + "form-action 'self'; object-src 'none'; manifest-src 'self'; worker-src 'self'";
    }

    private HttpHardening() {
    }

    /** The configured extra sources plus the OIDC issuer's origin (the SPA fetches Keycloak's endpoints). */
    static String connectSources(String configured, String issuer) {
        StringBuilder sources = new StringBuilder(configured == null ? "" : configured.trim());
        if (issuer != null && !issuer.isBlank()) {
            java.net.URI uri = java.net.URI.create(issuer.trim());
            String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            sources.append(sources.isEmpty() ? "" : " ").append(origin);
        }
        return sources.toString();
    }

    static void headers(HeadersConfigurer<org.springframework.security.config.annotation.web.builders.HttpSecurity> headers,
            String cspConnectSrc) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(cspConnectSrc)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .contentTypeOptions(Customizer.withDefaults())
                // geolocation for our own pages only: the check-in step asks the phone where it is (issue 12); the camera is
                // reached through <input capture>, which needs no permission
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self), payment=()"));
    }

    /**
     * A CSRF token is needed for state-changing requests that ride the session cookie, i.e. carry no
     * Authorization header of their own; the sign-in itself has no session yet.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method)) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("/api/session".equals(path) && "POST".equals(method)) {
            return false;
        }
        return hasSessionCookie(request);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie c : request.getCookies()) {
            if ("JSESSIONID".equals(c.getName()) || "AFTERCARE_SESSION".equals(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Makes sure the XSRF-TOKEN cookie is written, so the SPA always has a token to echo. */
    static final class CsrfCookieFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
