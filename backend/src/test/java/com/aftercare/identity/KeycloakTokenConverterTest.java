package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** What a Keycloak access token becomes: user = preferred_username, authorities = our realm roles as ROLE_*. */
class KeycloakTokenConverterTest {

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("5d0c6c8e-uuid").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
    }

    @Test
    void realmRolesNamedLikeOurRolesBecomeAuthoritiesOthersAreIgnored() {
        Jwt jwt = token().claim("preferred_username", "desk")
                .claim("realm_access", Map.of("roles", List.of("SERVICE_DESK", "SUPERVISOR", "offline_access",
                        "default-roles-aftercare", "service_desk", "ROLE_ADMIN")))
                .build();

        var auth = new KeycloakTokenConverter().convert(jwt);

        assertThat(auth.getName()).isEqualTo("desk");
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_SERVICE_DESK", "ROLE_SUPERVISOR");
    }

    @Test
    void theCustomerRoleToo() {
        Jwt jwt = token().claim("preferred_username", "customer-a").claim("customer_id", 1)
                .claim("realm_access", Map.of("roles", List.of("CUSTOMER"))).build();

        assertThat(new KeycloakTokenConverter().convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly(Role.CUSTOMER.authority());
    }

    @Test
    void aTokenWithoutRealmRolesHasNoAuthorities() {
        assertThat(new KeycloakTokenConverter().convert(token().claim("preferred_username", "x").build()).getAuthorities()).isEmpty();
        assertThat(new KeycloakTokenConverter().convert(token().claim("preferred_username", "x")
                .claim("realm_access", Map.of("roles", "ADMIN")).build()).getAuthorities()).isEmpty();
    }

    @Test
    void aTokenWithoutAUserNameIsRefused() {
        assertThatThrownBy(() -> new KeycloakTokenConverter().convert(token().build()))
                .isInstanceOf(InvalidBearerTokenException.class);
    }
}
