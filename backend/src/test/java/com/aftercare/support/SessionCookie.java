package com.aftercare.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Signing in as the SPA does (POST /api/session) over real HTTP, for tests of what a session costs and keeps. */
public final class SessionCookie {

    private SessionCookie() {
    }

    /** The value of the {@code AFTERCARE_SESSION} cookie the sign-in set. */
    public static String signIn(TestRestTemplate rest, String username, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> signIn = rest.postForEntity("/api/session",
                new HttpEntity<>("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", h), String.class);
        assertThat(signIn.getStatusCode().value()).as(String.valueOf(signIn.getBody())).isEqualTo(204);
        List<String> cookies = signIn.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotNull();
        for (String c : cookies) {
            if (c.startsWith("AFTERCARE_SESSION=")) {
                return c.substring("AFTERCARE_SESSION=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            }
        }
        throw new AssertionError("no session cookie in " + cookies);
    }
}
