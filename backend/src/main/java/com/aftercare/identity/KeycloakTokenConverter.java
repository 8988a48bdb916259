package com.aftercare.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A Keycloak access token as our Authentication: the name is {@code preferred_username} (the same user names as local
 * accounts and task assignees), the authorities are the realm roles ({@code realm_access.roles}) that name a
 * {@link Role}, as {@code ROLE_<name>}. Keycloak's own realm roles (offline_access, default-roles-*) are ignored.
 * When the product keeps a local record of the user with a customer unit, that unit is the token's
 * {@code customer_id} (the product keeps unit, team and contact data; Keycloak keeps the identity).
 */
final class KeycloakTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String USERNAME_CLAIM = "preferred_username";
    static final String CUSTOMER_CLAIM = "customer_id";

    private static final Set<String> ROLE_NAMES = java.util.Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    private final Function<String, Optional<AppUser>> localRecords;

    /** Tokens alone, no local records. */
    KeycloakTokenConverter() {
        this(username -> Optional.empty());
    }

    /** With the product's local records: the customer unit an administrator set there wins over the token's claim. */
    KeycloakTokenConverter(Function<String, Optional<AppUser>> localRecords) {
        this.localRecords = localRecords;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(USERNAME_CLAIM);
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("The access token has no " + USERNAME_CLAIM);
        }
        Long unit = localRecords.apply(username).map(AppUser::getCustomerId).orElse(null);
        Jwt token = unit == null ? jwt
                : Jwt.withTokenValue(jwt.getTokenValue()).headers(h -> h.putAll(jwt.getHeaders()))
                        .claims(c -> c.putAll(jwt.getClaims())).claim(CUSTOMER_CLAIM, unit).build();
        return new JwtAuthenticationToken(token, authorities(jwt), username);
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(Objects::nonNull).map(Object::toString).filter(ROLE_NAMES::contains).distinct()
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(name).authority())).toList();
    }
}
