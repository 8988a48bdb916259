package com.aftercare.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a machine client in by its API token ({@code Authorization: Bearer act_...}) for this request only: no
 * session, no password hash (the token is 256 random bits; its SHA-256 is looked up, ADR 0048). An unknown or revoked
 * token answers 401 at once rather than falling through as anonymous. Other Bearer values (a Keycloak JWT in the
 * keycloak profile) are left to their own sign-in.
 */
final class ApiTokenSignIn extends OncePerRequestFilter {

    /** Prefix of the principal's name, so a token never passes for a person's account of the same name. */
    static final String NAME_PREFIX = "api:";

    private final MachineTokens tokens;
    private final AuthenticationEntryPoint unauthorized;

    ApiTokenSignIn(MachineTokens tokens, AuthenticationEntryPoint unauthorized) {
        this.tokens = tokens;
        this.unauthorized = unauthorized;
    }

    /** The API token of this request's Authorization header, or null when it carries something else. */
    static String token(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() > 200 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String value = header.substring(7).strip();
        return MachineTokens.looksLikeToken(value) ? value : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var client = tokens.authenticate(token).orElse(null);
        if (client == null) {
            unauthorized.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
            return;
        }
        var authorities = List.of(new SimpleGrantedAuthority(client.role().authority()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new TokenPrincipal(NAME_PREFIX + client.name(), client.customerId()), null, authorities));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    /** The machine client as Spring Security sees it; its name is what the audit trail and the case record show. */
    record TokenPrincipal(String name, Long customerId) implements CustomerScoped, java.security.Principal {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
