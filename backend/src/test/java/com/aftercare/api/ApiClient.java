package com.aftercare.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the running server over HTTP with Basic auth, as any API client would. Public so that process and
 * SLA tests can drive a case through the same REST API the frontend uses.
 */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRestTemplate rest;

    public ApiClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public String detail() {
            return body.path("detail").asText();
        }

        public List<String> errorFields() {
            return body.path("errors").findValuesAsText("field");
        }
    }

    public Response get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, null);
    }

    /**
     * A case's row on the supervisor board under this filter (query without "?" or starting with it), paging through
     * the board 200 rows at a time as a supervisor would; null when no page lists it.
     */
    public JsonNode boardRow(String user, String query, long ticketId) {
        String filter = query == null || query.isEmpty() ? "" : (query.startsWith("?") ? query.substring(1) : query) + "&";
        for (int page = 0; ; page++) {
            Response board = get(user, "/api/sla/board?" + filter + "size=200&page=" + page);
            if (board.status() != 200) {
                throw new AssertionError("board " + board.status() + ": " + board.body());
            }
            for (JsonNode r : board.body().path("rows")) {
                if (r.path("ticketId").asLong() == ticketId) {
                    return r;
                }
            }
            if (board.body().path("rows").size() < 200) {
                return null;
            }
        }
    }

    public Response post(String user, String path, Object body) {
        return exchange(user, HttpMethod.POST, path, body, null);
    }

    public Response post(String user, String path, Object body, Map<String, String> extraHeaders) {
        return exchange(user, HttpMethod.POST, path, body, extraHeaders);
    }

    public Response exchange(String user, HttpMethod method, String path, Object body, Map<String, String> extraHeaders) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (user != null) {
            headers.setBasicAuth(user, com.aftercare.support.IntegrationTest.PASSWORD);
        }
        if (extraHeaders != null) {
            extraHeaders.forEach(headers::set);
        }
        String payload;
        try {
            payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class);
        try {
            JsonNode json = response.getBody() == null || response.getBody().isBlank() ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Response(response.getStatusCode().value(), json, response.getHeaders());
        } catch (Exception e) {
            return new Response(response.getStatusCode().value(), JSON.getNodeFactory().textNode(response.getBody()), response.getHeaders());
        }
    }
}
