package com.aftercare.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aftercare.identity.AccountService;
import com.aftercare.support.KeycloakServer;
import com.aftercare.support.StandaloneApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signing in through a real Keycloak: the shipped realm (docker/keycloak/aftercare-realm.json) imported into Keycloak
 * started once for this class, the app in the {@code keycloak} profile against it. Tokens come from a password-grant
 * client this test creates through the admin API (the shipped realm has none). Checks what each realm role may do,
 * that only valid Bearer tokens of the realm are accepted, that the engine knows who acts, and (in Chromium) that the
 * SPA signs in on Keycloak's own login page.
 * <p>
 * Runs with {@code mvn -B -Pkeycloak-it -pl backend -am -Dskip.npm verify} (README "Sign-in: local accounts or
 * Keycloak"), which unpacks Keycloak; anywhere else it is skipped.
 */
class KeycloakSignInIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> USERS = List.of("desk", "engineer", "owner", "supervisor", "admin", "customer-a");
    private static final int SHORT_TOKEN_SECONDS = 4;

    private static KeycloakServer keycloak;
    private static StandaloneApp app;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        String home = System.getProperty("aftercare.keycloak.home");
        assumeTrue(home != null && Files.isExecutable(Path.of(home, "bin/kc.sh")),
                "needs Keycloak: run with mvn -Pkeycloak-it (it unpacks keycloak-quarkus-dist)");
        Path javaHome = Path.of(System.getProperty("aftercare.keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assertThat(javaHome.resolve("bin/java")).as("Java 21+ for Keycloak (-Dkeycloak.java.home=...)").isExecutable();
        Path realm = Path.of(System.getProperty("aftercare.keycloak.realm", "../docker/keycloak/aftercare-realm.json"));
        Path log = Path.of(System.getProperty("aftercare.keycloak.log", "target/keycloak-it.log"));

        keycloak = KeycloakServer.launch(Path.of(home), javaHome, realm, log);
        // the app fetches Keycloak's keys on the first token, so both start at the same time
        app = StandaloneApp.start("keycloak-it", Map.of(
                "spring.profiles.include", "keycloak",
                "aftercare.auth.oidc.issuer", keycloak.issuer(),
                "aftercare.auth.oidc.clock-skew", "1s",
                "spring.datasource.url", "jdbc:h2:mem:keycloak-it;DB_CLOSE_DELAY=-1",
                "aftercare.demo.enabled", "true",
                // the demo devices are probed on this server's own loopback port, as in the demo profile
                "aftercare.outbound.allow", "127.0.0.0/8",
                // theEngineKnowsWhoActs reads the engine's user operation log, which the product's lean history does
                // not store (ADR 0058); the log's user id is what shows the engine knew the token's user
                "aftercare.engine.lean-history", "false"));
        keycloak.awaitReady(Duration.ofMinutes(4));

        keycloak.createPasswordGrantClient("aftercare-it", null, true);
        keycloak.createPasswordGrantClient("aftercare-it-short", SHORT_TOKEN_SECONDS, true);
        keycloak.createPasswordGrantClient("aftercare-it-no-audience", null, false);
        keycloak.allowWebOrigin(base()); // the SPA on this test's port calls Keycloak's token endpoint
        for (String user : USERS) {
            TOKENS.put(user, accessToken("aftercare-it", user));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private static String accessToken(String clientId, String user) throws Exception {
        return keycloak.token(KeycloakServer.REALM, clientId, user, "demo").path("access_token").asText();
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static Response call(String method, String path, String authorization, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
        return new Response(response.statusCode(), json, response);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    private static Response as(String user, String method, String path, Object body) throws Exception {
        return call(method, path, "Bearer " + TOKENS.get(user), body);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static Map<String, Object> ticketBody() throws Exception {
        JsonNode site = as("desk", "GET", "/api/sites", null).body().get(0);
        JsonNode device = as("desk", "GET", "/api/devices?siteId=" + site.path("id").asLong(), null).body().get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "HOTLINE");
        body.put("requesterName", "Li Lei");
        body.put("requesterUnit", "Traffic police");
        body.put("requesterPhone", "139 0000 0000");
        body.put("siteId", site.path("id").asLong());
        body.put("deviceId", device.path("id").asLong());
        body.put("category", "DEFECT");
        body.put("impact", "MEDIUM");
        body.put("urgency", "HIGH");
        body.put("title", "Camera shows no picture");
        body.put("description", "Black screen since 8:00");
        return body;
    }

    @Test
    void theSpaIsToldToSignInThroughKeycloak() throws Exception {
        Response config = call("GET", "/api/auth/config", null, null);

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().path("mode").asText()).isEqualTo("oidc");
        assertThat(config.body().path("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(config.body().path("clientId").asText()).isEqualTo("aftercare-spa");
    }

    @Test
    void theShippedClientIsPublicWithPkceAndNoPasswordGrant() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String passwordGrant = "grant_type=password&client_id=aftercare-spa&username=desk&password=demo";
        HttpResponse<String> token = noRedirects.send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(passwordGrant)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("unauthorized_client");

        String withoutPkce = "?client_id=aftercare-spa&response_type=code&scope=openid&state=s&redirect_uri="
                + java.net.URLEncoder.encode(base() + "/", StandardCharsets.UTF_8);
        HttpResponse<String> authorize = noRedirects.send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/protocol/openid-connect/auth" + withoutPkce)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(authorize.headers().firstValue("Location").orElse(""))
                .startsWith(base() + "/?error=invalid_request").contains("code_challenge");
        assertThat(keycloak.spaClient().path("publicClient").asBoolean()).isTrue();
    }

    @Test
    void eachUserIsTheirPreferredUsernameWithTheirRealmRole() throws Exception {
        Map<String, String> roles = Map.of("desk", "SERVICE_DESK", "engineer", "ENGINEER", "owner", "PROCESS_OWNER",
                "supervisor", "SUPERVISOR", "admin", "ADMIN", "customer-a", "CUSTOMER");
        for (String user : USERS) {
            Response me = as(user, "GET", "/api/me", null);
            assertThat(me.status()).as(user).isEqualTo(200);
            assertThat(me.body().path("username").asText()).isEqualTo(user);
            assertThat(me.body().path("roles").toString()).isEqualTo("[\"" + roles.get(user) + "\"]");
        }
    }

    @Test
    void tokensAreForThisApiAndACustomerUserCarriesTheirCustomerId() throws Exception {
        JsonNode customer = claims(TOKENS.get("customer-a"));
        assertThat(customer.path("customer_id").isNumber()).as(customer.toString()).isTrue();
        assertThat(customer.path("customer_id").asLong()).isEqualTo(1);
        assertThat(customer.path("aud").toString()).contains("aftercare-api");
        assertThat(customer.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims(TOKENS.get("desk")).has("customer_id")).isFalse();
    }

    @Test
    void theDeskReportsFaultsEngineersMayNotCustomersOnlyThroughTheWeb() throws Exception {
        Map<String, Object> body = ticketBody();

        assertThat(as("desk", "POST", "/api/tickets", body).status()).isEqualTo(201);
        assertThat(as("engineer", "POST", "/api/tickets", body).status()).isEqualTo(403);
        assertThat(as("customer-a", "POST", "/api/tickets", body).status()).as("a customer reports through the web").isEqualTo(400);
        Map<String, Object> web = new HashMap<>(body);
        web.put("channel", "WEB");
        assertThat(as("customer-a", "POST", "/api/tickets", web).status()).as("own unit's site (token claim customer_id 1)").isEqualTo(201);
    }

    @Test
    void aCustomerTokenReachesOnlyCustomerRoutesForItsOwnUnit() throws Exception {
        assertThat(as("customer-a", "GET", "/api/tasks", null).status()).isEqualTo(403);
        assertThat(as("customer-a", "GET", "/api/sla/board", null).status()).isEqualTo(403);
        JsonNode sites = as("customer-a", "GET", "/api/sites", null).body();
        assertThat(sites.size()).isGreaterThan(0);
        JsonNode staffSites = as("desk", "GET", "/api/sites", null).body();
        for (JsonNode site : sites) {
            assertThat(site.path("customerId").asLong()).as(site.toString()).isEqualTo(1);
        }
        assertThat(staffSites.size()).isGreaterThanOrEqualTo(sites.size());
    }

    @Test
    void theProcessOwnerChecksModelsTheDeskMayNot() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/dispatch.bpmn")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Object> file = Map.of("fileName", "dispatch.bpmn", "xml", xml);

        assertThat(as("owner", "POST", "/api/models/check", file).status()).isEqualTo(200);
        assertThat(as("desk", "POST", "/api/models/check", file).status()).isEqualTo(403);
    }

    @Test
    void theSupervisorSeesTheSlaBoardEngineersDoNot() throws Exception {
        assertThat(as("supervisor", "GET", "/api/sla/board", null).status()).isEqualTo(200);
        assertThat(as("engineer", "GET", "/api/sla/board", null).status()).isEqualTo(403);
    }

    @Test
    void theEngineKnowsWhoActs() throws Exception {
        long ticketId = as("desk", "POST", "/api/tickets", ticketBody()).body().path("id").asLong();
        String taskId = null;
        for (JsonNode task : as("desk", "GET", "/api/tasks", null).body()) {
            if (task.path("ticketId").asLong() == ticketId && task.path("key").asText().equals("firstLineResolution")) {
                taskId = task.path("id").asText();
            }
        }
        assertThat(taskId).as("desk's first-line task").isNotNull();

        assertThat(as("desk", "POST", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);

        UserOperationLogEntry claim = app.bean(HistoryService.class).createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_CLAIM).list().get(0);
        assertThat(claim.getUserId()).isEqualTo("desk");
    }

    @Test
    void withoutATokenItIs401WithABearerChallenge() throws Exception {
        Response anonymous = call("GET", "/api/me", null, null);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.body().path("detail").asText()).isEqualTo("Sign in first");
    }

    @Test
    void localAccountsCannotSignInWithBasic() throws Exception {
        assertThat(app.bean(AccountService.class).find("desk")).as("the demo's local account exists").isPresent();
        String basic = "Basic " + Base64.getEncoder().encodeToString("desk:demo".getBytes(StandardCharsets.UTF_8));

        assertThat(call("GET", "/api/me", basic, null).status()).isEqualTo(401);
        assertThat(call("POST", "/api/tickets", basic, ticketBody()).status()).isEqualTo(401);
    }

    @Test
    void aTokenOfAnotherRealmIs401() throws Exception {
        String masterToken = keycloak.adminToken(); // signed by the master realm's keys, issued by it

        Response response = call("GET", "/api/me", "Bearer " + masterToken, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTokenWithChangedClaimsIs401() throws Exception {
        String[] parts = TOKENS.get("engineer").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ENGINEER\"", "\"ADMIN\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(call("GET", "/api/me", "Bearer " + forged, null).status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        String token = accessToken("aftercare-it-no-audience", "desk");
        assertThat(claims(token).path("aud").toString()).doesNotContain("aftercare-api");

        assertThat(call("GET", "/api/me", "Bearer " + token, null).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String token = accessToken("aftercare-it-short", "desk");
        assertThat(call("GET", "/api/me", "Bearer " + token, null).status()).as("while valid").isEqualTo(200);

        long expiresAt = claims(token).path("exp").asLong();
        long waitMillis = (expiresAt + 2) * 1000 - Instant.now().toEpochMilli(); // past exp and the 1 s clock skew
        Thread.sleep(Math.max(0, waitMillis));

        Response expired = call("GET", "/api/me", "Bearer " + token, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");
    }

    /** Chromium: redirected to Keycloak's login page, desk/demo there, back on the task inbox (e2e/keycloak-login.mjs). */
    @Test
    void theDeskSignsInOnKeycloaksLoginPageInTheBrowser() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        Path frontend = Path.of(System.getProperty("aftercare.frontend.dir", "../frontend")).toAbsolutePath().normalize();
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        assertThat(chromium).as("Chromium for the browser test").isExecutable();
        assertThat(frontend.resolve("node_modules/playwright-core")).as("npm ci ran in frontend/").exists();
        String index = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(index).as("the SPA is built (frontend/target/classes/static)").contains("<div id=\"root\">");

        Path log = Files.createTempFile("e2e-keycloak", ".log");
        Process node = new ProcessBuilder("node", frontend.resolve("e2e/keycloak-login.mjs").toString(), base())
                .directory(frontend.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        Files.deleteIfExists(log);
        assertThat(finished).as("keycloak-login.mjs finished in time:\n" + output).isTrue();
        assertThat(node.exitValue()).as("keycloak-login.mjs output:\n" + output).isZero();
    }
}
