package com.aftercare.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real Keycloak (the keycloak-quarkus-dist unpacked by the keycloak-it profile) as a child process: {@code start-dev}
 * on a free port of 127.0.0.1 with an in-memory database, the shipped realm imported, a bootstrap admin with a random
 * password for the admin REST API. Needs Java 21+ ({@code javaHome}). Its log goes to {@code log}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "aftercare";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final String adminPassword;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakServer(Process process, int port, String adminPassword, Path log) {
        this.process = process;
        this.port = port;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** Launches Keycloak; {@link #awaitReady} waits for it, so other things can start meanwhile. */
    public static KeycloakServer launch(Path home, Path javaHome, Path realmFile, Path log) throws Exception {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        int managementPort = freePort();
        String adminPassword = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--db=dev-mem", "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return new KeycloakServer(builder.start(), port, adminPassword, log);
    }

    /** Waits until the realm answers (start-up takes 20-40 s, plus ~40 s for Keycloak's build on a fresh unpack). */
    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout + ":\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** An access token from the master realm's bootstrap admin (admin-cli). */
    public String adminToken() throws Exception {
        return token("master", "admin-cli", "admin", adminPassword).path("access_token").asText();
    }

    /** The token endpoint's answer to a password grant (a test-only client: the shipped realm has none). */
    public JsonNode token(String realm, String clientId, String username, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", clientId,
                        "username", username, "password", password, "scope", "openid"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + username + " via " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /**
     * Creates a public client for the password grant, for tests only, with the same protocol mappers as the SPA's
     * client (audience, customer_id) when {@code spaMappers}, so its tokens look like the SPA's. {@code accessTokenSeconds}
     * null = the realm's default.
     */
    public void createPasswordGrantClient(String clientId, Integer accessTokenSeconds, boolean spaMappers) throws Exception {
        ArrayNode mappers = JSON.createArrayNode();
        if (spaMappers) {
            for (JsonNode mapper : spaClient().path("protocolMappers")) {
                mappers.add(((ObjectNode) mapper.deepCopy()).without("id"));
            }
        }
        ObjectNode client = JSON.createObjectNode()
                .put("clientId", clientId)
                .put("publicClient", true)
                .put("standardFlowEnabled", false)
                .put("directAccessGrantsEnabled", true);
        client.set("protocolMappers", mappers);
        if (accessTokenSeconds != null) {
            client.putObject("attributes").put("access.token.lifespan", String.valueOf(accessTokenSeconds));
        }
        admin("POST", "/clients", client);
    }

    /** Lets a browser page on {@code origin} call the token endpoint (CORS), e.g. the app on a random test port. */
    public void allowWebOrigin(String origin) throws Exception {
        ObjectNode spa = (ObjectNode) spaClient();
        ((ArrayNode) spa.withArray("webOrigins")).add(origin);
        admin("PUT", "/clients/" + spa.path("id").asText(), spa);
    }

    public JsonNode spaClient() throws Exception {
        return admin("GET", "/clients?clientId=aftercare-spa", null).get(0);
    }

    /** The admin REST API of the aftercare realm: {@code path} below /admin/realms/aftercare. */
    public JsonNode admin(String method, String path, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return pairs.stream().collect(Collectors.joining("&"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
