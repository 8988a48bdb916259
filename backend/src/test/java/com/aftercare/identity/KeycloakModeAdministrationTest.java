package com.aftercare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.aftercare.support.H2Only;

/**
 * Issue 10 item 7 with Keycloak sign-in (aftercare.auth.mode=oidc): the identity lives in Keycloak, the product keeps
 * the local record (roles shown, unit, contact) and an administrator manages it without a password; a user disabled
 * in the product is refused on the next request although the token is still valid; a Keycloak user without a local
 * record keeps working; the unit of the local record scopes a customer's user. Tokens come from a stand-in decoder
 * (the real Keycloak round trip is KeycloakSignInIT): its token text is "user~ROLE+ROLE" (only characters RFC 6750 allows in a token).
 */
@TestPropertySource(properties = {
        "aftercare.auth.mode=oidc",
        "aftercare.auth.oidc.issuer=http://issuer.test/realms/aftercare",
        // its own database and engine: the local-accounts context of the other tests stays as it is
        "spring.datasource.url=jdbc:h2:mem:aftercare-oidc-admin;DB_CLOSE_DELAY=-1",
        // in the PostgreSQL suite the postgres profile's PostgreSQL-only connection statement would reach this H2
        "spring.datasource.hikari.connection-init-sql=SELECT 1",
        "camunda.bpm.process-engine-name=oidcAdmin"})
@Import(KeycloakModeAdministrationTest.StandInTokens.class)
@H2Only
class KeycloakModeAdministrationTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestConfiguration
    static class StandInTokens {
        @Bean
        @Primary
        JwtDecoder standInDecoder() {
            return token -> {
                String[] parts = token.split("~");
                if (parts.length != 2) {
                    throw new BadJwtException("not a stand-in token");
                }
                Map<String, Object> claims = new HashMap<>();
                claims.put("preferred_username", parts[0]);
                claims.put("realm_access", Map.of("roles", Arrays.asList(parts[1].split("\\+"))));
                return new Jwt(token, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Map.of("alg", "none"), claims);
            };
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;

    record Answer(int status, JsonNode body) {
    }

    Answer call(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        try {
            ResponseEntity<String> r = rest.exchange(path, method,
                    new HttpEntity<>(body == null ? null : JSON.writeValueAsString(body), headers), String.class);
            return new Answer(r.getStatusCode().value(), r.getBody() == null ? JSON.nullNode() : JSON.readTree(r.getBody()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSpaIsToldKeycloakMode() {
        assertThat(rest.getForObject("/api/auth/config", String.class)).contains("\"mode\":\"oidc\"");
    }

    @Test
    void anAdministratorKeepsTheLocalRecordWithoutAPasswordAndDisablingItRefusesTheValidTokenAtOnce() {
        String admin = "t-admin~ADMIN";
        String user = "kc-" + System.nanoTime();
        Map<String, Object> record = new HashMap<>(Map.of("username", user, "displayName", "Keycloak User", "roles",
                List.of("SERVICE_DESK"), "email", "kc@example.com"));
        record.put("password", PASSWORD);
        Answer withPassword = call(admin, HttpMethod.POST, "/api/admin/accounts", record);
        assertThat(withPassword.status()).isEqualTo(400);
        assertThat(withPassword.body().path("errors").findValuesAsText("field")).containsExactly("password");
        record.remove("password");
        Answer created = call(admin, HttpMethod.POST, "/api/admin/accounts", record);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(call(admin, HttpMethod.GET, "/api/admin/accounts", null).body().path("passwordManagedHere").asBoolean()).isFalse();
        assertThat(call(admin, HttpMethod.POST, "/api/admin/accounts/" + user + "/password", Map.of("password", "long-enough-1"))
                .status()).as("passwords live in Keycloak").isEqualTo(409);

        String token = user + "~SERVICE_DESK";
        assertThat(call(token, HttpMethod.GET, "/api/me", null).body().path("displayName").asText()).isEqualTo("Keycloak User");
        assertThat(call(admin, HttpMethod.POST, "/api/admin/accounts/" + user + "/disable", null).status()).isEqualTo(200);
        assertThat(call(token, HttpMethod.GET, "/api/me", null).status()).as("same valid token, next request").isEqualTo(401);
        assertThat(call(token, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(401);

        assertThat(call("no-local-record-" + System.nanoTime() + "~SERVICE_DESK", HttpMethod.GET, "/api/me", null).status())
                .as("a Keycloak user without a local record works as before").isEqualTo(200);
        assertThat(call(token.replace(user, "t-desk"), HttpMethod.GET, "/api/admin/accounts", null).status()).isEqualTo(403);
    }

    @Test
    void theUnitOfTheLocalRecordScopesACustomersUser() {
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        assets.createSite(new NewSite(other.getId(), "Other site", "Road 9", Region.CITY, null, null));
        String user = "kc-cust-" + System.nanoTime();
        Answer created = call("t-admin~ADMIN", HttpMethod.POST, "/api/admin/accounts", Map.of("username", user, "displayName",
                "Customer", "roles", List.of("CUSTOMER"), "customerId", site.getCustomer().getId()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Answer sites = call(user + "~CUSTOMER", HttpMethod.GET, "/api/sites", null);
        assertThat(sites.status()).isEqualTo(200);
        assertThat(sites.body().findValuesAsText("name")).containsExactly(site.getName());
    }
}
