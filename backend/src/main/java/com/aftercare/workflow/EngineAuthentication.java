package com.aftercare.workflow;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Tells the engine who is acting, for every signed-in API request, whatever signed them in (local account or
 * Keycloak token): {@code IdentityService.setAuthentication(user, roles as groups)} for the request, cleared
 * afterwards so a pooled request thread never carries one user's identity into the next request. The engine then
 * records the user in its history and operation log, and candidate-group queries and engine authorizations see the
 * same groups as the task's {@code candidateGroups} (the role names).
 * <p>
 * Runs after Spring Security's filter chain has set the SecurityContext (its order is
 * {@link SecurityProperties#DEFAULT_FILTER_ORDER}), i.e. inside it.
 */
@Configuration(proxyBeanMethods = false)
class EngineAuthentication {

    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    FilterRegistrationBean<Filter> engineAuthenticationFilter(IdentityService identityService) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(identityService));
        registration.setName("engineAuthentication");
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {

        private final IdentityService identityService;
        private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

        Filter(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !trust.isAnonymous(auth)) {
                List<String> groups = CurrentUser.roles().stream().map(Role::name).sorted().toList();
                identityService.setAuthentication(CurrentUser.username(), groups);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                identityService.clearAuthentication();
            }
        }
    }
}
