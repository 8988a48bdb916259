package com.aftercare.emailintake;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OAuth2 access token the intake signs in with (XOAUTH2, ADR 0043): the configured one, or one fetched from the
 * token endpoint with the client-credentials grant (RFC 6749 4.4; how Microsoft 365 lets a service read a mailbox) and
 * kept until a minute before it expires, so a poll every minute does not ask for a token every minute.
 */
@Component
class MailAccessToken {

    /** Renew this long before the token expires, so a poll never starts with a token about to run out. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    /** Why no token could be had; the poll records it as TOKEN_FAILED. */
    static class TokenException extends Exception {
        TokenException(String message) {
            super(message);
        }
    }

    private record Cached(String endpoint, String clientId, String token, Instant until) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private volatile Cached cached;

    MailAccessToken(Clock clock) {
        this.clock = clock;
    }

    String token(MailIntakeProperties.OAuth2 settings, Duration timeout) throws TokenException {
        if (settings.accessToken() != null && !settings.accessToken().isBlank()) {
            return settings.accessToken().strip();
        }
        if (settings.tokenUri() == null) {
            throw new TokenException("no access token and no token endpoint configured");
        }
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && c.endpoint().equals(settings.tokenUri().toString()) && c.clientId().equals(settings.clientId())
                && now.isBefore(c.until())) {
            return c.token();
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        if (settings.scope() != null && !settings.scope().isBlank()) {
            form.put("scope", settings.scope());
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUri()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException("token endpoint not reachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException("interrupted");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new TokenException("token endpoint answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            // the endpoint's error code and description (RFC 6749 5.2), never the secret we sent
            throw new TokenException("token endpoint answered " + response.statusCode() + ": " + answer.path("error").asText("")
                    + " " + answer.path("error_description").asText(""));
        }
        String token = answer.get("access_token").asText();
        long seconds = answer.path("expires_in").asLong(3600);
        cached = new Cached(settings.tokenUri().toString(), settings.clientId(), token, now.plusSeconds(seconds).minus(MARGIN));
        return token;
    }
}
