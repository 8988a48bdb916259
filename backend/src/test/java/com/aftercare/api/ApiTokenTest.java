package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.asset.Customer;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * API tokens of machine clients (issue 17, ADR 0048): issued and revoked by an admin (audited), shown once, stored as
 * a hash, scoped by role and customer unit, refused at once when revoked or wrong, and never a password check per
 * request. Shares InboxQueryCountTest's context, whose password encoder counts its checks.
 */
@CountedStatementsContext
class ApiTokenTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    private ApiClient.Response issue(String name, String role, Long customerId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("role", role);
        body.put("customerId", customerId);
        return api.post("t-admin", "/api/admin/api-tokens", body);
    }

    private ApiClient.Response as(String token, HttpMethod method, String path, Object body) {
        return api.exchange(null, method, path, body, Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void aDeskTokenReportsFaultsWithoutAPasswordCheckAndIsShownOnceStoredHashedAndAudited() {
        ApiClient.Response issued = issue("Zabbix " + System.nanoTime(), "SERVICE_DESK", null);
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.body().get("token").asText();
        long id = issued.body().get("apiToken").get("id").asLong();
        assertThat(token).startsWith("act_").hasSizeGreaterThanOrEqualTo(4 + 43);

        int checksBefore = InboxQueryCountTest.PASSWORD_CHECKS.get();
        for (int i = 0; i < 3; i++) {
            assertThat(as(token, HttpMethod.POST, "/api/tickets", ticketBody("MONITORING", "HIGH", "HIGH")).status()).isEqualTo(201);
        }
        assertThat(as(token, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
        assertThat(InboxQueryCountTest.PASSWORD_CHECKS.get()).as("no password hash for a token request").isEqualTo(checksBefore);
        // the case records the client by its token's name
        JsonNode created = as(token, HttpMethod.POST, "/api/tickets", ticketBody("MONITORING", "LOW", "LOW")).body();
        assertThat(jdbc.queryForObject("select actor from audit_log where entity_type = 'ticket' and entity_id = ? order by seq limit 1",
                String.class, created.get("id").asText())).startsWith("api:Zabbix ");

        // the list shows the token's prefix and its last use, never the token or its hash
        JsonNode listed = find(api.get("t-sup", "/api/admin/api-tokens").body(), id);
        assertThat(listed.get("tokenPrefix").asText()).isEqualTo(token.substring(0, 10));
        assertThat(listed.get("lastUsedAt")).isNotNull();
        assertThat(listed.toString()).doesNotContain(token).doesNotContain(token.substring(10));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_sha256 = ?", Integer.class,
                sha256(token))).isEqualTo(1);
        // issuing and revoking are in the audit chain, the hash masked
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'api_token' and entity_id = ? and actor = 't-admin'",
                Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(api.post("t-admin", "/api/admin/api-tokens/" + id + "/revoke", null).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'api_token' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(2);
        assertThat(jdbc.queryForList("select changes from audit_log where entity_type = 'api_token' and entity_id = ?", String.class,
                String.valueOf(id))).noneMatch(c -> c.contains(sha256(token)));
    }

    /**
     * The last use is written at most once a minute per token (ADR 0048, 0087): a busy client's every request is a read,
     * not a write. The stored time is cleared between requests so that a write, and only a write, shows.
     */
    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() {
        ApiClient.Response issued = issue("Prometheus " + System.nanoTime(), "SERVICE_DESK", null);
        String token = issued.body().get("token").asText();
        long id = issued.body().get("apiToken").get("id").asLong();
        java.time.Instant start = java.time.Instant.parse("2031-03-03T08:00:00Z");
        clock.set(start);
        assertThat(as(token, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
        assertThat(lastUse(id)).as("the first request writes the last use").isNotNull();

        jdbc.update("update api_token_use set last_used_at = null where token_id = ?", id);
        clock.set(start.plusSeconds(59));
        assertThat(as(token, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
        assertThat(lastUse(id)).as("59 s later: no write").isNull();

        clock.set(start.plusSeconds(60));
        assertThat(as(token, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
        assertThat(lastUse(id)).as("a minute later: written again").isNotNull();
    }

    private java.sql.Timestamp lastUse(long tokenId) {
        return jdbc.queryForObject("select last_used_at from api_token_use where token_id = ?", java.sql.Timestamp.class, tokenId);
    }

    @Test
    void aRevokedOrWrongTokenIsRefusedWith401() {
        ApiClient.Response issued = issue("Soon revoked " + System.nanoTime(), "SERVICE_DESK", null);
        long id = issued.body().get("apiToken").get("id").asLong();
        String value = issued.body().get("token").asText();
        assertThat(as(value, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
        assertThat(api.post("t-admin", "/api/admin/api-tokens/" + id + "/revoke", null).body().get("active").asBoolean()).isFalse();
        assertThat(as(value, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(401);
        assertThat(as(value, HttpMethod.POST, "/api/tickets", ticketBody("MONITORING", "HIGH", "HIGH")).status()).isEqualTo(401);
        // a made-up token of the right shape, and one a character off a real one
        assertThat(as("act_" + "A".repeat(43), HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(401);
        String live = issue("Live " + System.nanoTime(), "SERVICE_DESK", null).body().get("token").asText();
        String off = live.substring(0, live.length() - 1) + (live.endsWith("A") ? "B" : "A");
        assertThat(as(off, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(401);
        assertThat(as(live, HttpMethod.GET, "/api/tickets", null).status()).isEqualTo(200);
    }

    @Test
    void aCustomerTokenSeesOnlyItsOwnUnit() {
        Long ownUnit = site.getCustomer().getId();
        Customer other = assets.createCustomer("Other unit " + System.nanoTime());
        Site otherSite = assets.createSite(new NewSite(other.getId(), "Other site " + System.nanoTime(), "Road 2", Region.CITY, null, null));
        long otherTicket = api.post("t-desk", "/api/tickets", Map.of("channel", "HOTLINE", "requesterName", "Han Meimei",
                "requesterPhone", "13900000001", "siteId", otherSite.getId(), "category", "DEFECT", "impact", "LOW", "urgency", "LOW",
                "title", "Switch down", "description", "No link")).body().get("id").asLong();
        String token = issue("Unit portal " + System.nanoTime(), "CUSTOMER", ownUnit).body().get("token").asText();

        Map<String, Object> own = ticketBody("WEB", "LOW", "LOW");
        own.remove("deviceId");
        long ownTicket = as(token, HttpMethod.POST, "/api/tickets", own).body().get("id").asLong();
        assertThat(as(token, HttpMethod.GET, "/api/tickets/" + ownTicket, null).status()).isEqualTo(200);
        assertThat(as(token, HttpMethod.GET, "/api/tickets/" + otherTicket, null).status()).isEqualTo(404);
        Map<String, Object> elsewhere = new java.util.HashMap<>(own);
        elsewhere.put("siteId", otherSite.getId());
        ApiClient.Response refused = as(token, HttpMethod.POST, "/api/tickets", elsewhere);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).contains("siteId");
        // a customer's token reaches only the customers' routes
        assertThat(as(token, HttpMethod.GET, "/api/admin/api-tokens", null).status()).isEqualTo(403);
    }

    @Test
    void onlyAnAdminIssuesAndTheRulesOfRoleAndUnitHold() {
        assertThat(api.post("t-sup", "/api/admin/api-tokens", Map.of("name", "x", "role", "SERVICE_DESK")).status()).isEqualTo(403);
        assertThat(issue("Admin " + System.nanoTime(), "ADMIN", null).errorFields()).contains("role");
        assertThat(issue("No unit " + System.nanoTime(), "CUSTOMER", null).errorFields()).contains("customerId");
        assertThat(issue("Desk with unit " + System.nanoTime(), "SERVICE_DESK", site.getCustomer().getId()).errorFields()).contains("customerId");
        assertThat(issue("", "SERVICE_DESK", null).errorFields()).contains("name");
        String name = "Twice " + System.nanoTime();
        assertThat(issue(name, "SERVICE_DESK", null).status()).isEqualTo(201);
        assertThat(issue(name, "SERVICE_DESK", null).status()).isEqualTo(409);
        assertThat(api.post("t-admin", "/api/admin/api-tokens/999999/revoke", null).status()).isEqualTo(404);
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode n : list) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("token " + id + " not listed");
    }

    private static String sha256(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
