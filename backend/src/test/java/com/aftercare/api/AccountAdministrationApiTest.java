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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 10 item 7, accounts: an administrator creates staff accounts and customers' users, changes their roles,
 * resets passwords and disables them; bad input is a 400 naming the field with nothing saved, a taken user name 409;
 * other roles get 403; a disabled account is refused on its very next request (Basic and SPA session alike); the
 * last administrator cannot be switched off; every change is in the audit trail with the admin as actor and the
 * password masked.
 */
class AccountAdministrationApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    Map<String, Object> staff(String username, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "Zhou Min 周敏");
        body.put("roles", List.of(roles));
        body.put("email", "zhou@example.com");
        body.put("mobile", "139 0000 1111");
        body.put("password", PASSWORD);
        return body;
    }

    ApiClient.Response put(String user, String path, Object body) {
        return api.exchange(user, HttpMethod.PUT, path, body, null);
    }

    List<JsonNode> auditOf(String username) {
        ApiClient.Response r = api.get("t-sup", "/api/audit?entityType=app_user&entityId=" + username + "&size=100");
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        r.body().path("content").forEach(list::add);
        java.util.Collections.reverse(list);
        return list;
    }

    @Test
    void anAdministratorCreatesAStaffAccountThatSignsInAndEveryChangeIsAudited() {
        String name = unique("zhou");
        ApiClient.Response created = api.post("t-admin", "/api/admin/accounts", staff(name, "SERVICE_DESK"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("roles").toString()).isEqualTo("[\"SERVICE_DESK\"]");
        assertThat(created.body().has("password")).isFalse();
        assertThat(created.body().has("passwordHash")).isFalse();

        // the new account works at once with the password the admin set
        assertThat(api.get(name, "/api/me").body().path("displayName").asText()).isEqualTo("Zhou Min 周敏");
        ApiClient.Response list = api.get("t-admin", "/api/admin/accounts");
        assertThat(list.body().path("passwordManagedHere").asBoolean()).isTrue();
        assertThat(list.body().path("accounts").findValuesAsText("username")).contains(name);

        // roles changed: the next request has them
        Map<String, Object> edit = Map.of("displayName", "Zhou Min", "roles", List.of("SUPERVISOR", "ENGINEER"), "mobile", "139");
        ApiClient.Response edited = put("t-admin", "/api/admin/accounts/" + name, edit);
        assertThat(edited.status()).as(edited.body().toString()).isEqualTo(200);
        assertThat(api.get(name, "/api/me").body().path("roles").toString()).isEqualTo("[\"ENGINEER\",\"SUPERVISOR\"]");

        // a new password: the old one stops working
        assertThat(api.post("t-admin", "/api/admin/accounts/" + name + "/password", Map.of("password", "another-pw-1")).status())
                .isEqualTo(204);
        assertThat(api.get(name, "/api/me").status()).isEqualTo(401);
        assertThat(accounts.find(name).orElseThrow().getPasswordHash()).doesNotContain("another-pw-1");

        List<JsonNode> trail = auditOf(name);
        assertThat(trail).extracting(e -> e.path("action").asText()).containsExactly("CREATE", "UPDATE", "UPDATE");
        assertThat(trail).allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("t-admin"));
        assertThat(trail.get(0).path("changes").path("display_name").path("after").asText()).isEqualTo("Zhou Min 周敏");
        assertThat(trail.get(0).path("changes").path("password_hash").path("after").asText()).isEqualTo("***");
        assertThat(trail.get(1).path("changes").path("roles").path("after").asText()).isEqualTo("ENGINEER,SUPERVISOR");
        assertThat(trail.get(2).path("changes").path("password_hash").path("before").asText()).isEqualTo("***");
        assertThat(trail.toString()).doesNotContain("{bcrypt}").doesNotContain(PASSWORD).doesNotContain("another-pw-1");
    }

    @Test
    void aCustomersUserBelongsToExactlyOneExistingUnitAndSeesOnlyIt() {
        String name = unique("cust");
        Map<String, Object> body = staff(name, "CUSTOMER");
        body.put("customerId", site.getCustomer().getId());
        ApiClient.Response created = api.post("t-admin", "/api/admin/accounts", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("customerId").asLong()).isEqualTo(site.getCustomer().getId());
        assertThat(api.get(name, "/api/sites").body().findValuesAsText("name")).containsExactly(site.getName());
        assertThat(api.get(name, "/api/admin/accounts").status()).as("customers reach no administration").isEqualTo(403);
        assertThat(auditOf(name).get(0).path("customerId").asLong()).as("owned by the unit").isEqualTo(site.getCustomer().getId());

        String other = unique("cust");
        Map<String, Object> noUnit = staff(other, "CUSTOMER");
        assertThat(api.post("t-admin", "/api/admin/accounts", noUnit).errorFields()).containsExactly("customerId");
        noUnit.put("customerId", 987654321L);
        assertThat(api.post("t-admin", "/api/admin/accounts", noUnit).errorFields()).containsExactly("customerId");
        Map<String, Object> mixed = staff(other, "CUSTOMER", "SERVICE_DESK");
        mixed.put("customerId", site.getCustomer().getId());
        assertThat(api.post("t-admin", "/api/admin/accounts", mixed).errorFields()).containsExactly("roles");
        Map<String, Object> staffWithUnit = staff(other, "SERVICE_DESK");
        staffWithUnit.put("customerId", site.getCustomer().getId());
        assertThat(api.post("t-admin", "/api/admin/accounts", staffWithUnit).errorFields()).containsExactly("customerId");
        assertThat(accounts.find(other)).as("nothing saved").isEmpty();
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsSaved() {
        String name = unique("bad");
        Map<String, Map<String, Object>> broken = new java.util.LinkedHashMap<>();
        broken.put("username", with(staff(name, "ENGINEER"), "username", "no spaces allowed"));
        broken.put("displayName", with(staff(name, "ENGINEER"), "displayName", " "));
        broken.put("roles", with(staff(name, "ENGINEER"), "roles", List.of()));
        broken.put("email", with(staff(name, "ENGINEER"), "email", "not-an-address"));
        broken.put("mobile", with(staff(name, "ENGINEER"), "mobile", "call me"));
        broken.put("password", with(staff(name, "ENGINEER"), "password", "short"));
        for (var e : broken.entrySet()) {
            ApiClient.Response r = api.post("t-admin", "/api/admin/accounts", e.getValue());
            assertThat(r.status()).as(e.getKey() + " " + r.body()).isEqualTo(400);
            assertThat(r.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(r.errorFields()).as(e.getKey()).containsExactly(e.getKey());
        }
        Map<String, Object> noPassword = staff(name, "ENGINEER");
        noPassword.remove("password");
        assertThat(api.post("t-admin", "/api/admin/accounts", noPassword).errorFields()).containsExactly("password");
        ApiClient.Response unknownRole = api.post("t-admin", "/api/admin/accounts", with(staff(name, "ENGINEER"), "roles", List.of("ROOT")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.errorFields()).singleElement().asString().startsWith("roles");
        assertThat(accounts.find(name)).as("nothing saved").isEmpty();

        // editing: the same checks, and the account is unchanged
        assertThat(put("t-admin", "/api/admin/accounts/t-eng2", Map.of("displayName", "", "roles", List.of("ENGINEER")))
                .errorFields()).containsExactly("displayName");
        assertThat(api.post("t-admin", "/api/admin/accounts/t-eng2/password", Map.of("password", "1234")).errorFields())
                .containsExactly("password");
        assertThat(accounts.find("t-eng2").orElseThrow().getDisplayName()).isEqualTo("Test Engineer 2");
        assertThat(put("t-admin", "/api/admin/accounts/nobody-" + System.nanoTime(), Map.of("displayName", "x", "roles",
                List.of("ENGINEER"))).status()).isEqualTo(404);
    }

    @Test
    void aTakenUserNameIsAConflict() {
        ApiClient.Response r = api.post("t-admin", "/api/admin/accounts", staff("t-desk", "SERVICE_DESK"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(accounts.find("t-desk").orElseThrow().getDisplayName()).isEqualTo("Test Desk");
    }

    @Test
    void onlyAdministratorsChangeAccountsSupervisorsMayLookOthersNot() {
        String name = unique("role");
        for (String user : List.of("t-desk", "t-eng", "t-sup")) {
            assertThat(api.post(user, "/api/admin/accounts", staff(name, "ENGINEER")).status()).as(user).isEqualTo(403);
            assertThat(api.post(user, "/api/admin/accounts/t-eng2/disable", null).status()).as(user).isEqualTo(403);
            assertThat(put(user, "/api/admin/accounts/t-eng2", Map.of("displayName", "x", "roles", List.of("ADMIN"))).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.get("t-desk", "/api/admin/accounts").status()).isEqualTo(403);
        assertThat(api.get("t-eng", "/api/admin/accounts").status()).isEqualTo(403);
        assertThat(api.get("t-sup", "/api/admin/accounts").status()).isEqualTo(200);
        assertThat(api.get(null, "/api/admin/accounts").status()).isEqualTo(401);
        assertThat(accounts.find(name)).isEmpty();
        assertThat(accounts.find("t-eng2").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceWithBasicAndOnItsOpenSession() {
        String name = unique("leaver");
        assertThat(api.post("t-admin", "/api/admin/accounts", staff(name, "SERVICE_DESK")).status()).isEqualTo(201);
        String session = signIn(name);
        assertThat(withSession(session, "/api/me").getStatusCode().value()).isEqualTo(200);
        assertThat(api.get(name, "/api/me").status()).isEqualTo(200);

        ApiClient.Response disabled = api.post("t-admin", "/api/admin/accounts/" + name + "/disable", null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();

        assertThat(api.get(name, "/api/me").status()).as("Basic").isEqualTo(401);
        assertThat(withSession(session, "/api/me").getStatusCode().value()).as("the open session").isEqualTo(401);
        assertThat(withSession(session, "/api/tickets").getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> again = rest.exchange("/api/session", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}", jsonHeaders()), String.class);
        assertThat(again.getStatusCode().value()).as("no new session either").isEqualTo(401);

        JsonNode change = auditOf(name).get(auditOf(name).size() - 1);
        assertThat(change.path("actor").asText()).isEqualTo("t-admin");
        assertThat(change.path("changes").path("enabled").path("before").asBoolean()).isTrue();
        assertThat(change.path("changes").path("enabled").path("after").asBoolean()).isFalse();

        // enabled again: signs in again
        assertThat(api.post("t-admin", "/api/admin/accounts/" + name + "/enable", null).status()).isEqualTo(200);
        assertThat(api.get(name, "/api/me").status()).isEqualTo(200);
    }

    @Test
    void aRoleTakenAwayHoldsOnTheOpenSessionAtOnce() {
        String name = unique("mover");
        assertThat(api.post("t-admin", "/api/admin/accounts", staff(name, "SUPERVISOR")).status()).isEqualTo(201);
        String session = signIn(name);
        assertThat(withSession(session, "/api/sla/board").getStatusCode().value()).isEqualTo(200);
        assertThat(put("t-admin", "/api/admin/accounts/" + name, Map.of("displayName", "Mover", "roles", List.of("ENGINEER")))
                .status()).isEqualTo(200);
        assertThat(withSession(session, "/api/me").getBody()).contains("\"roles\":[\"ENGINEER\"]");
        assertThat(withSession(session, "/api/admin/accounts").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrLoseTheRole() {
        String admin = unique("last-admin");
        assertThat(api.post("t-admin", "/api/admin/accounts", staff(admin, "ADMIN")).status()).isEqualTo(201);
        List<String> others = api.get(admin, "/api/admin/accounts").body().path("accounts").findParents("username").stream()
                .filter(a -> a.path("enabled").asBoolean() && a.path("roles").toString().contains("ADMIN"))
                .map(a -> a.path("username").asText()).filter(u -> !u.equals(admin)).toList();
        try {
            for (String other : others) {
                assertThat(api.post(admin, "/api/admin/accounts/" + other + "/disable", null).status()).isEqualTo(200);
            }
            ApiClient.Response self = api.post(admin, "/api/admin/accounts/" + admin + "/disable", null);
            assertThat(self.status()).isEqualTo(409);
            assertThat(put(admin, "/api/admin/accounts/" + admin, Map.of("displayName", "x", "roles", List.of("SUPERVISOR")))
                    .status()).isEqualTo(409);
            assertThat(api.get(admin, "/api/me").body().path("roles").toString()).isEqualTo("[\"ADMIN\"]");
        } finally {
            for (String other : others) {
                api.post(admin, "/api/admin/accounts/" + other + "/enable", null);
            }
        }
        assertThat(api.post("t-admin", "/api/admin/accounts/" + admin + "/disable", null).status())
                .as("with another administrator it may go").isEqualTo(200);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private String signIn(String username) {
        ResponseEntity<String> r = rest.exchange("/api/session", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}", jsonHeaders()), String.class);
        assertThat(r.getStatusCode().value()).isEqualTo(204);
        return r.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("AFTERCARE_SESSION="))
                .map(c -> c.substring("AFTERCARE_SESSION=".length(), c.indexOf(';'))).findFirst().orElseThrow();
    }

    private ResponseEntity<String> withSession(String session, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "AFTERCARE_SESSION=" + session);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
