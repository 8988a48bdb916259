package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/** Issue 14: verification policies per device type, VC-3 as shipped, edited by the process owner with validation. */
class VerificationPolicyApiTest extends IntegrationTest {

    static final String OWNER = "t-owner";

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
        accounts.createIfAbsent(OWNER, PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
    }

    /** Back to the shipped defaults: the process tests in other contexts of this JVM share the database. */
    @org.junit.jupiter.api.AfterEach
    void shippedDefaults() {
        jdbc.update("delete from verification_policy");
    }

    private JsonNode policy(String type) {
        for (JsonNode p : api.get("t-desk", "/api/verification-policies").body()) {
            if (p.path("deviceType").asText().equals(type)) {
                return p;
            }
        }
        throw new AssertionError("no policy for " + type);
    }

    private ApiClient.Response put(String user, String type, Object checks) {
        return api.exchange(user, HttpMethod.PUT, "/api/verification-policies/" + type, Map.of("checks", checks), null);
    }

    private static JsonNode check(JsonNode policy, String kind) {
        for (JsonNode c : policy.path("checks")) {
            if (c.path("kind").asText().equals(kind)) {
                return c;
            }
        }
        throw new AssertionError("no check " + kind + " in " + policy);
    }

    @Test
    void theShippedDefaultIsVc3() {
        JsonNode camera = policy("CAMERA");
        assertThat(camera.path("shippedDefault").asBoolean()).isTrue();
        assertThat(camera.path("checks").findValuesAsText("kind")).containsExactly("RTSP_STREAM", "NVR_RECORDINGS", "ONVIF_PTZ");
        assertThat(check(camera, "NVR_RECORDINGS").path("params").path("minDays").asText()).isEqualTo("60");
        assertThat(check(camera, "ONVIF_PTZ").path("ptzOnly").asBoolean()).isTrue();
        assertThat(check(camera, "RTSP_STREAM").path("optional").asBoolean()).isFalse();
        JsonNode nvr = policy("NVR");
        assertThat(nvr.path("checks").findValuesAsText("kind")).containsExactly("NVR_STORAGE", "NVR_RECORDINGS", "NVR_CHANNELS");
        assertThat(check(nvr, "NVR_STORAGE").path("params").path("minFreeGb").asText()).isEqualTo("1");
        assertThat(check(nvr, "NVR_RECORDINGS").path("params").path("minDays").asText()).isEqualTo("30");
        assertThat(policy("UPS").path("checks").findValuesAsText("kind")).containsExactly("SNMP_UPS");
        assertThat(policy("SERVER").path("checks").findValuesAsText("kind")).containsExactly("TCP", "HTTP");
        assertThat(policy("SERVER").path("checks").findValuesAsText("optional")).containsOnly("true");
    }

    @Test
    void theProcessOwnerChangesAPolicyAndItIsVersionedAndAudited() {
        long audited = jdbc.queryForObject("select count(*) from audit_log where entity_type = 'verification_policy'", Long.class);
        ApiClient.Response changed = put(OWNER, "NVR", List.of(
                Map.of("kind", "NVR_STORAGE", "params", Map.of("minFreeGb", "2.5")),
                Map.of("kind", "NVR_RECORDINGS", "params", Map.of("minDays", "45"))));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        int version = changed.body().path("version").asInt();
        assertThat(version).isPositive();
        assertThat(changed.body().path("updatedBy").asText()).isEqualTo(OWNER);

        JsonNode nvr = policy("NVR");
        assertThat(nvr.path("shippedDefault").asBoolean()).isFalse();
        assertThat(check(nvr, "NVR_STORAGE").path("params").path("minFreeGb").asText()).isEqualTo("2.5");
        assertThat(nvr.path("checks").findValuesAsText("kind")).doesNotContain("NVR_CHANNELS");

        ApiClient.Response again = put(OWNER, "NVR", List.of(Map.of("kind", "NVR_STORAGE", "params", Map.of("minFreeGb", "1"))));
        assertThat(again.body().path("version").asInt()).isEqualTo(version + 1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where entity_type = 'verification_policy'", Long.class))
                .as("every change is in the audit chain").isGreaterThanOrEqualTo(audited + 2);
    }

    @Test
    void onlyTheProcessOwnerChangesPolicies() {
        List<Map<String, Object>> checks = List.of(Map.of("kind", "SNMP_UPTIME"));
        assertThat(put("t-desk", "SWITCH", checks).status()).isEqualTo(403);
        assertThat(put("t-admin", "SWITCH", checks).status()).isEqualTo(403);
        assertThat(put("t-eng", "SWITCH", checks).status()).isEqualTo(403);
        assertThat(put(OWNER, "SWITCH", checks).status()).isEqualTo(200);
    }

    @Test
    void badPoliciesAre400NamingTheField() {
        ApiClient.Response unknown = put(OWNER, "SWITCH", List.of(Map.of("kind", "SNMP_UPTIME"), Map.of("kind", "PING")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("checks[1].kind");

        ApiClient.Response negative = put(OWNER, "NVR", List.of(Map.of("kind", "NVR_STORAGE", "params", Map.of("minFreeGb", "-1"))));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("checks[0].params.minFreeGb");

        ApiClient.Response notANumber = put(OWNER, "NVR", List.of(Map.of("kind", "NVR_RECORDINGS", "params", Map.of("minDays", "thirty"))));
        assertThat(notANumber.errorFields()).containsExactly("checks[0].params.minDays");

        ApiClient.Response wrongParam = put(OWNER, "CAMERA", List.of(Map.of("kind", "RTSP_STREAM", "params", Map.of("minDays", "3"))));
        assertThat(wrongParam.errorFields()).containsExactly("checks[0].params.minDays");

        ApiClient.Response twice = put(OWNER, "UPS", List.of(Map.of("kind", "SNMP_UPS"), Map.of("kind", "SNMP_UPS")));
        assertThat(twice.errorFields()).containsExactly("checks[1].kind");

        ApiClient.Response empty = put(OWNER, "UPS", List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("checks");

        assertThat(put(OWNER, "TOASTER", List.of(Map.of("kind", "TCP"))).status()).as("unknown device type").isEqualTo(400);
    }

    @Test
    void readingPoliciesNeedsSignIn() {
        assertThat(api.get(null, "/api/verification-policies").status()).isEqualTo(401);
    }
}
