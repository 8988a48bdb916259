package com.aftercare.alarm;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import com.aftercare.identity.PerMinuteLimits;

/**
 * The alarm endpoints' own filter chain, ahead of the API's: monitoring keys only, no Basic, no session, no CSRF
 * (the key is a header a browser never sends by itself). Everything else stays with the API chain, so a monitoring
 * key is refused there like any unknown token. Each source has its requests a minute (AlarmKeyFilter).
 */
@Configuration
class AlarmSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain alarmIntake(HttpSecurity http, MonitoringSourceRepository sources, PerMinuteLimits limits,
            AlarmSettings settings, java.time.Clock clock) throws Exception {
        http.securityMatcher("/api/alarms", "/api/alarms/**")
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new AlarmKeyFilter(sources, limits.limit("alarm", settings.requestsPerMinute()), clock),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> unauthorized(response,
                                "Send the monitoring source's key as Authorization: Bearer <key> or X-Aftercare-Key"))
                        .accessDeniedHandler((request, response, ex) -> unauthorized(response, "Only monitoring keys may send alarms")))
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(AlarmKeyFilter.ROLE));
        return http.build();
    }

    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail + "\"}");
    }
}
