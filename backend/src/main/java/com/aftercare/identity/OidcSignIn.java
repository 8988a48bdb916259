package com.aftercare.identity;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestTemplate;

/**
 * Keycloak sign-in ({@code aftercare.auth.mode=oidc}, the {@code keycloak} profile): the API is an OAuth2 resource
 * server that accepts only {@code Authorization: Bearer} access tokens signed by the realm, issued by it, meant for
 * this API ({@code aud}) and not expired. No HTTP Basic, no local password check. Realm roles named like {@link Role}
 * become {@code ROLE_*} authorities, the user is {@code preferred_username} ({@link KeycloakTokenConverter}).
 * ADR 0006.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.auth.mode", havingValue = "oidc")
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignIn {

    @Bean
    SignIn keycloakBearerTokens(OidcProperties oidc, AccountService accounts) {
        return new SignIn() {
            @Override
            public void configure(HttpSecurity http, AuthenticationEntryPoint unauthorized) throws Exception {
                DefaultBearerTokenResolver jwtOnly = new DefaultBearerTokenResolver();
                http.oauth2ResourceServer(o -> o
                        .authenticationEntryPoint(unauthorized)
                        // an API token (Bearer act_...) is ApiTokenSignIn's, not a JWT to validate (ADR 0048)
                        .bearerTokenResolver(request -> {
                            String bearer = jwtOnly.resolve(request);
                            return MachineTokens.looksLikeToken(bearer) ? null : bearer;
                        })
                        .jwt(j -> j.jwtAuthenticationConverter(new KeycloakTokenConverter(accounts::find))));
            }

            /** RFC 6750: {@code WWW-Authenticate: Bearer} (with {@code error="invalid_token"} for a bad one), then the body. */
            @Override
            public AuthenticationEntryPoint challenge(AuthenticationEntryPoint problem) {
                BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
                return (request, response, e) -> {
                    bearer.commence(request, response, e);
                    problem.commence(request, response, e);
                };
            }

            @Override
            public AuthConfig clientConfig() {
                return new AuthConfig("oidc", oidc.issuer(), oidc.clientId());
            }
        };
    }

    /**
     * Keys are fetched on the first token, not at start-up, so the service starts while Keycloak is still starting;
     * Nimbus caches them and refetches on an unknown key id (rotation).
     */
    @Bean
    JwtDecoder keycloakJwtDecoder(OidcProperties oidc) {
        if (!StringUtils.hasText(oidc.issuer())) {
            throw new IllegalStateException("aftercare.auth.oidc.issuer (AFTERCARE_OIDC_ISSUER) must be set in oidc mode");
        }
        return new SupplierJwtDecoder(() -> {
            SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
            timeouts.setConnectTimeout(Duration.ofSeconds(5));
            timeouts.setReadTimeout(Duration.ofSeconds(10));
            RestTemplate http = new RestTemplate(timeouts);
            NimbusJwtDecoder decoder = StringUtils.hasText(oidc.jwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).restOperations(http).build()
                    : NimbusJwtDecoder.withIssuerLocation(oidc.issuer()).restOperations(http).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                    new JwtTimestampValidator(oidc.clockSkew()),
                    new JwtIssuerValidator(oidc.issuer()),
                    new JwtAudienceValidator(oidc.audience())));
            return decoder;
        });
    }
}
