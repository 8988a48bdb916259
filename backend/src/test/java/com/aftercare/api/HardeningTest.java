package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;

/**
 * Browser-facing hardening over real HTTP: security headers, the SPA's cookie session with CSRF,
 * the sign-in throttle, request size limits, closed engine web apps.
 */
class HardeningTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        for (String path : List.of("/", "/api/me", "/api/tickets")) {
            HttpHeaders h = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(basic("t-desk")), String.class).getHeaders();
            assertThat(h.getFirst("Content-Security-Policy")).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(h.getFirst("Referrer-Policy")).isEqualTo("same-origin");
            // the check-in step reads the phone's position on our own pages, nowhere else
            assertThat(h.getFirst("Permissions-Policy")).as(path).contains("geolocation=(self)").contains("camera=()");
        }
    }

    @Test
    void theSpaSignsInOnceAndRidesAnHttpOnlyCookieWithCsrf() {
        ResponseEntity<String> signIn = rest.exchange("/api/session", HttpMethod.POST,
                json(Map.of("username", "t-desk", "password", PASSWORD), null), String.class);
        assertThat(signIn.getStatusCode().value()).isEqualTo(204);
        String setCookie = String.join("; ", signIn.getHeaders().get(HttpHeaders.SET_COOKIE));
        assertThat(setCookie).contains("AFTERCARE_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie(signIn, "AFTERCARE_SESSION");

        HttpHeaders withCookie = new HttpHeaders();
        withCookie.add(HttpHeaders.COOKIE, "AFTERCARE_SESSION=" + session);
        ResponseEntity<String> me = rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(withCookie), String.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody()).contains("\"username\":\"t-desk\"");
        String xsrf = cookie(me, "XSRF-TOKEN");
        assertThat(xsrf).as("the SPA gets a CSRF token to echo").isNotBlank();

        Map<String, Object> report = ticketBody("WEB", "LOW", "LOW");
        ResponseEntity<String> forged = rest.exchange("/api/tickets", HttpMethod.POST, json(report, "AFTERCARE_SESSION=" + session), String.class);
        assertThat(forged.getStatusCode().value()).as("no CSRF token: a forged cross-site post").isEqualTo(403);

        HttpEntity<String> withToken = json(report, "AFTERCARE_SESSION=" + session + "; XSRF-TOKEN=" + xsrf);
        HttpHeaders tokenHeaders = new HttpHeaders();
        tokenHeaders.putAll(withToken.getHeaders());
        tokenHeaders.set("X-XSRF-TOKEN", xsrf);
        ResponseEntity<String> real = rest.exchange("/api/tickets", HttpMethod.POST, new HttpEntity<>(text(report), tokenHeaders), String.class);
        assertThat(real.getStatusCode().value()).as(real.getBody()).isEqualTo(201);

        HttpHeaders out = new HttpHeaders();
        out.putAll(tokenHeaders);
        assertThat(rest.exchange("/api/session", HttpMethod.DELETE, new HttpEntity<>(out), String.class).getStatusCode().value())
                .isEqualTo(204);
        assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(withCookie), String.class).getStatusCode().value())
                .as("signed out: the cookie is dead").isEqualTo(401);

        // API clients with Basic need no CSRF token and get no session
        ResponseEntity<String> basic = rest.exchange("/api/tickets", HttpMethod.POST, new HttpEntity<>(text(report), jsonBasic("t-desk")), String.class);
        assertThat(basic.getStatusCode().value()).isEqualTo(201);
        assertThat(String.valueOf(basic.getHeaders().get(HttpHeaders.SET_COOKIE))).doesNotContain("AFTERCARE_SESSION");
    }

    @Test
    void wrongPasswordsLockTheUserNameForAWhile() {
        String user = "t-throttled-" + System.nanoTime();
        accounts.createIfAbsent(user, PASSWORD, "Throttled", Set.of(Role.SERVICE_DESK));
        ResponseEntity<String> wrong = rest.exchange("/api/session", HttpMethod.POST,
                json(Map.of("username", user, "password", "nope"), null), String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).contains("Wrong user name or password");
        for (int i = 0; i < 5; i++) {
            rest.exchange("/api/session", HttpMethod.POST, json(Map.of("username", user, "password", "nope"), null), String.class);
            rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(basic(user, "nope")), String.class);
        }
        ResponseEntity<String> locked = rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(basic(user, PASSWORD)), String.class);
        assertThat(locked.getStatusCode().value()).as("even the right password waits").isEqualTo(429);
        assertThat(Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
        assertThat(rest.exchange("/api/session", HttpMethod.POST, json(Map.of("username", user, "password", PASSWORD), null),
                String.class).getStatusCode().value()).isEqualTo(429);
        assertThat(api.get("t-desk", "/api/me").status()).as("other users are not affected").isEqualTo(200);

        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        assertThat(rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(basic(user, PASSWORD)), String.class)
                .getStatusCode().value()).as("after the window").isEqualTo(200);
    }

    @Test
    void signInNamesMissingFieldsAndTheEngineWebAppsAreClosed() {
        ResponseEntity<String> missing = rest.exchange("/api/session", HttpMethod.POST, json(Map.of("username", "t-desk"), null), String.class);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).contains("password");
        for (String path : List.of("/camunda/app/cockpit/", "/engine-rest/deployment", "/camunda/api/admin/auth/user/default")) {
            int status = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(basic("t-admin")), String.class).getStatusCode().value();
            assertThat(status).as(path).isIn(403, 404);
        }
    }

    private static HttpHeaders basic(String user) {
        return basic(user, PASSWORD);
    }

    private static HttpHeaders basic(String user, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        return h;
    }

    private static HttpHeaders jsonBasic(String user) {
        HttpHeaders h = basic(user);
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    /** A JSON body as a string (with a Content-Length; the server refuses chunked bodies). */
    private static HttpEntity<String> json(Object body, String cookies) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (cookies != null) {
            h.add(HttpHeaders.COOKIE, cookies);
        }
        return new HttpEntity<>(text(body), h);
    }

    private static String text(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (cookies != null) {
            for (String c : cookies) {
                if (c.startsWith(name + "=")) {
                    return c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                }
            }
        }
        return null;
    }
}
