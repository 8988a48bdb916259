package com.aftercare.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.support.SessionCookie;

/**
 * The SPA's session over real HTTP and the real session table (ADR 0077): a request within a minute of the stored
 * last use writes nothing to the session's row, a later one moves it, the four-hour timeout still holds and a session
 * idle past it is refused.
 */
class SessionTouchTest extends IntegrationTest {

    private static final long HOURS_4 = 4 * 3600;

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aSessionsLastUseIsWrittenOncePerMinuteNotOnEveryRequest() {
        String cookie = signIn();
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        Map<String, Object> signedIn = row(id);
        assertThat(((Number) signedIn.get("MAX_INACTIVE_INTERVAL")).longValue()).as("server.servlet.session.timeout")
                .isEqualTo(HOURS_4);
        long lastUse = ((Number) signedIn.get("LAST_ACCESS_TIME")).longValue();

        for (int i = 0; i < 3; i++) {
            assertThat(me(cookie).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(((Number) row(id).get("LAST_ACCESS_TIME")).longValue()).as("three requests within the minute: no write")
                .isEqualTo(lastUse);

        // the step from below: as if the user came back 50 s after the stored last use, still nothing is written
        // (a step cut to, say, 30 s would write here)
        age(id, 50_000);
        assertThat(me(cookie).getStatusCode().value()).isEqualTo(200);
        assertThat(((Number) row(id).get("LAST_ACCESS_TIME")).longValue()).as("a request 50 s after the stored last use: no write")
                .isEqualTo(lastUse - 50_000);

        // and from above: 61 s after it (the stored last use and the expiry it gives that old), the request writes
        age(id, 11_000);
        long before = System.currentTimeMillis();
        assertThat(me(cookie).getStatusCode().value()).isEqualTo(200);
        Map<String, Object> touched = row(id);
        long moved = ((Number) touched.get("LAST_ACCESS_TIME")).longValue();
        assertThat(moved).as("a request a minute or more after the stored last use writes it").isGreaterThanOrEqualTo(before);
        assertThat(((Number) touched.get("EXPIRY_TIME")).longValue()).as("the expiry moves with it")
                .isEqualTo(moved + HOURS_4 * 1000);
    }

    @Test
    void aSessionIdlePastItsTimeoutIsRefused() {
        String cookie = signIn();
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        long idle = (HOURS_4 + 60) * 1000;
        age(id, idle);
        assertThat(me(cookie).getStatusCode().value()).as("idle four hours and a minute").isEqualTo(401);
    }

    /** Moves the stored last use and expiry {@code millis} into the past, as if that much time had gone by. */
    private void age(String sessionId, long millis) {
        jdbc.update("update SPRING_SESSION set LAST_ACCESS_TIME = LAST_ACCESS_TIME - ?, EXPIRY_TIME = EXPIRY_TIME - ? where SESSION_ID = ?",
                millis, millis, sessionId);
    }

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap("select LAST_ACCESS_TIME, EXPIRY_TIME, MAX_INACTIVE_INTERVAL from SPRING_SESSION where SESSION_ID = ?",
                sessionId);
    }

    private ResponseEntity<String> me(String cookie) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, "AFTERCARE_SESSION=" + cookie);
        return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(h), String.class);
    }

    private String signIn() {
        return SessionCookie.signIn(rest, "t-desk", PASSWORD);
    }
}
