package com.aftercare.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keycloak sign-in ({@code aftercare.auth.oidc.*}, set by the {@code keycloak} profile).
 *
 * @param issuer     the realm's issuer as the browser sees it, e.g. {@code http://127.0.0.1:8180/realms/aftercare};
 *                   every token's {@code iss} must equal it
 * @param jwkSetUri  where the server fetches the realm's signing keys when it cannot reach the issuer URL itself
 *                   (Docker: {@code http://keycloak:8080/realms/aftercare/protocol/openid-connect/certs}); empty =
 *                   discovered from the issuer
 * @param clientId   the SPA's public client
 * @param audience   the {@code aud} every access token must carry (the realm's audience mapper adds it)
 * @param clockSkew  how far {@code exp}/{@code nbf} may be off between Keycloak and this server
 */
@ConfigurationProperties(prefix = "aftercare.auth.oidc")
record OidcProperties(
        String issuer,
        String jwkSetUri,
        @DefaultValue("aftercare-spa") String clientId,
        @DefaultValue("aftercare-api") String audience,
        @DefaultValue("30s") Duration clockSkew) {
}
