package com.aftercare.agent;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api/agent/** has its own filter chain, ahead of the users' one: only an agent token (Authorization: Bearer) is
 * accepted there, no Basic, no session, no Keycloak token; an unknown or revoked token is 401. The users' chain does
 * not know agent tokens, so a token works nowhere else (it is neither a password nor a JWT there: 401).
 */
@Configuration
class AgentSecurityConfig {

    static final String AUTHORITY = "ROLE_PROBE_AGENT";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain agentApi(HttpSecurity http, ProbeAgentRepository agents) throws Exception {
        http.securityMatcher("/api/agent/**")
                .csrf(c -> c.disable()) // no cookies here: the token travels in a header the browser never adds by itself
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new AgentTokenFilter(agents), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthorized(response)))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AUTHORITY));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response) throws IOException {
        response.setStatus(401);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Unknown or revoked probe agent token\"}");
    }

    /** Looks the token's SHA-256 up among the active agents; anything else leaves the request anonymous (401). */
    static final class AgentTokenFilter extends OncePerRequestFilter {

        private final ProbeAgentRepository agents;

        AgentTokenFilter(ProbeAgentRepository agents) {
            this.agents = agents;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() < 200) {
                String token = header.substring(7).strip();
                agents.findByTokenSha256AndRevokedAtIsNull(AgentTokens.sha256(token)).ifPresent(agent -> {
                    var auth = new UsernamePasswordAuthenticationToken(new AgentPrincipal(agent.getId(), agent.getName()), null,
                            List.of(new SimpleGrantedAuthority(AUTHORITY)));
                    SecurityContextHolder.getContext().setAuthentication(auth);
                });
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
