package com.aftercare.identity;

import java.util.Optional;

/**
 * The port through which sign-in checks an API token of a machine client (monitoring systems, integrations): owned
 * here, implemented by the {@code apitoken} feature, which keeps the tokens. A token is told from a Keycloak JWT and
 * from the other keys by its prefix {@link #PREFIX}, so each sign-in looks only at what is its own.
 */
public interface MachineTokens {

    /** Every API token starts with this; a JWT never does (it starts with the Base64 of "{"). */
    String PREFIX = "act_";

    /** Who a token signs in as: its name, the one role it carries, and the customer unit of a CUSTOMER token. */
    record MachineClient(Long tokenId, String name, Role role, Long customerId) {
    }

    /** The active token's client, or empty for an unknown or revoked one. Cheap: one hash and one indexed read. */
    Optional<MachineClient> authenticate(String token);

    static boolean looksLikeToken(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }
}
