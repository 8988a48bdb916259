package com.aftercare.alarm;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a monitoring source by its API key ({@code Authorization: Bearer <key>} or {@code X-Aftercare-Key}),
 * on the alarm endpoints' own filter chain only (AlarmSecurity): a key is no user account and reaches nothing else,
 * and no user account reaches the alarm endpoints. A key that is unknown or revoked is answered 401 at once.
 */
class AlarmKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "ROLE_MONITORING";

    private final MonitoringSourceRepository sources;

    AlarmKeyFilter(MonitoringSourceRepository sources) {
        this.sources = sources;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key != null) {
            MonitoringSource source = sources.findByKeyHash(AlarmKeys.hash(key)).filter(s -> s.getRevokedAt() == null).orElse(null);
            if (source == null) {
                AlarmSecurity.unauthorized(response, "Unknown or revoked monitoring key");
                return;
            }
            AlarmSender sender = new AlarmSender(source.getId(), source.getCustomerId(), source.getTriageSiteId(), source.getName());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(sender, null,
                    List.of(new SimpleGrantedAuthority(ROLE))));
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private static String key(HttpServletRequest request) {
        String header = request.getHeader("X-Aftercare-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }
}
