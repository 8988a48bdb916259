package com.aftercare.alarm;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.aftercare.common.Problems;
import com.aftercare.identity.PerMinuteLimits.PerMinuteLimit;

/**
 * Signs in a monitoring source by its API key ({@code Authorization: Bearer <key>} or {@code X-Aftercare-Key}),
 * on the alarm endpoints' own filter chain only (AlarmSecurity): a key is no user account and reaches nothing else,
 * and no user account reaches the alarm endpoints. A key that is unknown or revoked is answered 401 at once; a
 * source past its requests a minute ({@code aftercare.alarms.requests-per-minute}) is answered 429 with Retry-After
 * before anything of the request is read or written, so a sender caught in a loop cannot starve the desk, and a
 * sender that retries (Alertmanager, the Zabbix media type of docs/alarms.md) delivers its alarm a little later.
 */
class AlarmKeyFilter extends OncePerRequestFilter {

    static final String ROLE = "ROLE_MONITORING";

    private static final Logger log = LoggerFactory.getLogger(AlarmKeyFilter.class);

    private final MonitoringSourceRepository sources;
    private final PerMinuteLimit perSource;
    /**
     * When each refused source was last logged and recorded (System.nanoTime): a sender in a loop gets a line and a
     * write a minute, not thousands.
     */
    private final Map<Long, Long> lastWarned = new ConcurrentHashMap<>();

    private final java.time.Clock clock;

    AlarmKeyFilter(MonitoringSourceRepository sources, PerMinuteLimit perSource, java.time.Clock clock) {
        this.clock = clock;
        this.sources = sources;
        this.perSource = perSource;
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
            long wait = perSource.take("source:" + source.getId());
            if (wait > 0) {
                warnOncePerMinute(source, wait);
                Problems.writeTooManyRequests(response, wait, "More than " + perSource.perMinute()
                        + " requests a minute from this monitoring source; retry after " + wait + " s");
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

    private void warnOncePerMinute(MonitoringSource source, long wait) {
        long now = System.nanoTime();
        Long before = lastWarned.get(source.getId());
        if (before == null || now - before >= TimeUnit.MINUTES.toNanos(1)) {
            lastWarned.put(source.getId(), now);
            log.warn("Monitoring source {} ({}) sent more than {} requests a minute; refusing its requests for {} s (logged once a minute)",
                    source.getId(), source.getName(), perSource.perMinute(), wait);
            // and for the administrator's list of sources; the refusal stands whether or not this could be written
            try {
                sources.refused(source.getId(), clock.instant());
            } catch (RuntimeException e) {
                log.warn("Could not record the refusal of monitoring source {}: {}", source.getId(), e.toString());
            }
        }
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
