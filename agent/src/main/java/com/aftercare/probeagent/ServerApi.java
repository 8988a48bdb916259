package com.aftercare.probeagent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.ProbeJob;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The server's /api/agent endpoints, with the agent's token as a Bearer token on every request. */
final class ServerApi {

    /** A probe job handed to this agent: the external task's id, the case's number (for the log) and what to check. */
    record Job(String jobId, String ticketNumber, ProbeJob job) {
    }

    /** The server refused the token (revoked or unknown): polling on would only fill its log. */
    static final class TokenRefused extends Exception {
        TokenRefused() {
            super("the server refused this agent's token (revoked or unknown)", null, false, false);
        }
    }

    /** The server did not answer usefully (down, 5xx, a proxy's error page): try again later. */
    static final class Unavailable extends Exception {
        Unavailable(String shown) {
            super(shown, null, false, false);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // a field the server adds later must not stop older agents
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The server holds a fetch open up to ~25 s when there is nothing to do; a little more before giving up on it. */
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(40);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final URI server;
    private final String token;
    private final HttpClient http;

    ServerApi(URI server, String token) {
        this.server = server;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    List<Job> fetch(int maxJobs) throws TokenRefused, Unavailable {
        HttpResponse<String> r = post("/api/agent/jobs/fetch", Map.of("maxJobs", maxJobs), FETCH_TIMEOUT);
        if (r.statusCode() != 200) {
            throw new Unavailable("fetch answered HTTP " + r.statusCode());
        }
        try {
            return JSON.readValue(r.body(), new TypeReference<List<Job>>() { });
        } catch (JsonProcessingException e) {
            throw new Unavailable("fetch answered something that is not a job list");
        }
    }

    /** @return the HTTP status: 2xx recorded; 404/409 the job is gone or no longer this agent's (its lock expired) */
    int result(String jobId, List<CheckOutcome> outcomes, Instant startedAt, Instant finishedAt) throws TokenRefused, Unavailable {
        return post("/api/agent/jobs/" + jobId + "/result",
                Map.of("outcomes", outcomes, "startedAt", startedAt, "finishedAt", finishedAt), CALL_TIMEOUT).statusCode();
    }

    int failure(String jobId, String reason) throws TokenRefused, Unavailable {
        return post("/api/agent/jobs/" + jobId + "/failure", Map.of("reason", reason), CALL_TIMEOUT).statusCode();
    }

    private HttpResponse<String> post(String path, Object body, Duration timeout) throws TokenRefused, Unavailable {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(server.resolve(path)).timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("server not reachable (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() == 401) {
            throw new TokenRefused();
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new Unavailable(path + " answered HTTP " + response.statusCode());
        }
        return response;
    }
}
