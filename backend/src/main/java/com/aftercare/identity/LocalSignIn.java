package com.aftercare.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The default sign-in: local accounts ({@code app_user}, bcrypt) with HTTP Basic; the SPA's login page sends the same
 * header (ADR 0003). Off when {@code aftercare.auth.mode=oidc}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.auth.mode", havingValue = "local", matchIfMissing = true)
class LocalSignIn {

    @Bean
    SignIn localAccountsWithBasic() {
        return new SignIn() {
            @Override
            public void configure(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
                http.httpBasic(b -> b.authenticationEntryPoint(unauthorized)
                        // per request only: an API client never gets a session cookie
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()));
            }

            @Override
            public AuthConfig clientConfig() {
                return new AuthConfig("local", null, null);
            }
        };
    }

    @Bean
    UserDetailsService userDetailsService(AccountService accounts) {
        return username -> accounts.find(username)
                .map(u -> new AppUserPrincipal(u.getUsername(), u.getPasswordHash(), u.isEnabled(),
                        u.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(), u.getCustomerId()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The local accounts' authentication, publishing failures so {@link SignInThrottle} can count them. */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
            ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }
}
