package com.aftercare.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
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
                http.httpBasic(b -> b.authenticationEntryPoint(unauthorized));
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
                .map(u -> User.withUsername(u.getUsername())
                        .password(u.getPasswordHash())
                        .disabled(!u.isEnabled())
                        .authorities(u.getRoles().stream().map(Role::authority).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
