package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10 item 7, engineers and teams: an administrator forms teams (region, skills, lead) and puts accounts on the
 * engineer roster (region, skills as tags, team); both round-trip, bad input is a 400 naming the field, a taken name
 * 409, other roles 403; the roster and teams are now audited; a disabled engineer is no longer offered for dispatch.
 */
class EngineerAdministrationApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    ApiClient.Response put(String user, String path, Object body) {
        return api.exchange(user, HttpMethod.PUT, path, body, null);
    }

    List<JsonNode> audit(String type, Object id) {
        List<JsonNode> list = new ArrayList<>();
        api.get("t-sup", "/api/audit?entityType=" + type + "&entityId=" + id + "&size=100").body().path("content").forEach(list::add);
        java.util.Collections.reverse(list);
        return list;
    }

    String account(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        Map<String, Object> body = new HashMap<>(Map.of("username", name, "displayName", "Sun Li 孙力", "roles", List.of("ENGINEER"),
                "password", PASSWORD));
        assertThat(api.post("t-admin", "/api/admin/accounts", body).status()).isEqualTo(201);
        return name;
    }

    @Test
    void teamsAndEngineersWithRegionAndSkillsRoundTripAndAreAudited() {
        String lead = account("lead");
        String teamName = "County team 县区组 " + System.nanoTime();
        ApiClient.Response team = api.post("t-admin", "/api/admin/teams", Map.of("name", teamName, "region", "COUNTY",
                "skills", List.of("视频监控", "network", " UPS "), "leadUsername", lead));
        assertThat(team.status()).as(team.body().toString()).isEqualTo(201);
        long teamId = team.body().path("id").asLong();
        assertThat(team.body().path("skills").toString()).isEqualTo("[\"视频监控\",\"network\",\"UPS\"]");
        assertThat(api.post("t-admin", "/api/admin/teams", Map.of("name", teamName)).status()).as("taken").isEqualTo(409);

        String engineer = account("eng");
        ApiClient.Response created = api.post("t-admin", "/api/admin/engineers", Map.of("username", engineer, "phone", "138 0000 0009",
                "region", "CITY", "skills", List.of("NVR", "光纤"), "teamId", teamId));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long engineerId = created.body().path("id").asLong();
        assertThat(created.body().path("displayName").asText()).as("from the account").isEqualTo("Sun Li 孙力");
        assertThat(api.post("t-admin", "/api/admin/engineers", Map.of("username", engineer)).status()).as("once").isEqualTo(409);

        ApiClient.Response edited = put("t-admin", "/api/admin/engineers/" + engineerId, Map.of("displayName", "Sun Li",
                "region", "COUNTY", "skills", List.of("NVR", "UPS", "NVR"), "teamId", teamId));
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        JsonNode listed = api.get("t-sup", "/api/admin/engineers").body().findParents("username").stream()
                .filter(e -> e.path("username").asText().equals(engineer)).findFirst().orElseThrow();
        assertThat(listed.path("region").asText()).isEqualTo("COUNTY");
        assertThat(listed.path("skills").toString()).isEqualTo("[\"NVR\",\"UPS\"]");
        assertThat(listed.path("teamName").asText()).isEqualTo(teamName);
        assertThat(api.get("t-desk", "/api/engineers").body().findValuesAsText("username")).as("offered for dispatch").contains(engineer);

        ApiClient.Response renamed = put("t-admin", "/api/admin/teams/" + teamId, Map.of("name", teamName, "region", "CITY",
                "skills", List.of("network")));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().has("leadUsername")).as("lead removed").isFalse();

        List<JsonNode> teamTrail = audit("team", teamId);
        assertThat(teamTrail).extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
                .containsExactly("CREATE by t-admin", "UPDATE by t-admin");
        assertThat(teamTrail.get(1).path("changes").path("region").path("before").asText()).isEqualTo("COUNTY");
        List<JsonNode> engineerTrail = audit("engineer", engineerId);
        assertThat(engineerTrail).extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
                .containsExactly("CREATE by t-admin", "UPDATE by t-admin");
        assertThat(engineerTrail.get(1).path("changes").path("skills").path("after").asText()).isEqualTo("NVR,UPS");

        // disabled: no longer offered, cannot be dispatched to
        assertThat(api.post("t-admin", "/api/admin/accounts/" + engineer + "/disable", null).status()).isEqualTo(200);
        assertThat(api.get("t-desk", "/api/engineers").body().findValuesAsText("username")).doesNotContain(engineer);
        assertThat(api.get("t-admin", "/api/admin/engineers").body().findValuesAsText("username")).as("kept on the roster")
                .contains(engineer);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsSaved() {
        int teamsBefore = api.get("t-admin", "/api/admin/teams").body().size();
        assertThat(api.post("t-admin", "/api/admin/teams", Map.of("name", "")).errorFields()).containsExactly("name");
        assertThat(api.post("t-admin", "/api/admin/teams", Map.of("name", "T" + System.nanoTime(), "region", "MOON")).errorFields())
                .containsExactly("region");
        assertThat(api.post("t-admin", "/api/admin/teams", Map.of("name", "T" + System.nanoTime(), "skills", List.of("a,b")))
                .errorFields()).singleElement().asString().startsWith("skills");
        assertThat(api.post("t-admin", "/api/admin/teams", Map.of("name", "T" + System.nanoTime(), "leadUsername", "nobody-x"))
                .errorFields()).containsExactly("leadUsername");
        assertThat(api.get("t-admin", "/api/admin/teams").body().size()).isEqualTo(teamsBefore);

        int engineersBefore = api.get("t-admin", "/api/admin/engineers").body().size();
        assertThat(api.post("t-admin", "/api/admin/engineers", Map.of("username", "nobody-" + System.nanoTime())).errorFields())
                .containsExactly("username");
        assertThat(api.post("t-admin", "/api/admin/engineers", Map.of("region", "CITY")).errorFields()).containsExactly("username");
        String engineer = account("bad");
        assertThat(api.post("t-admin", "/api/admin/engineers", Map.of("username", engineer, "teamId", 987654321L)).errorFields())
                .containsExactly("teamId");
        assertThat(api.post("t-admin", "/api/admin/engineers", Map.of("username", engineer, "phone", "call me")).errorFields())
                .containsExactly("phone");
        assertThat(api.get("t-admin", "/api/admin/engineers").body().size()).isEqualTo(engineersBefore);
    }

    @Test
    void onlyAdministratorsChangeTheRoster() {
        for (String user : List.of("t-desk", "t-eng", "t-sup")) {
            assertThat(api.post(user, "/api/admin/teams", Map.of("name", "Nope " + System.nanoTime())).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/admin/engineers", Map.of("username", "t-eng")).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("t-eng", "/api/admin/engineers").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/admin/teams").status()).isEqualTo(200);
    }
}
