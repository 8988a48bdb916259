package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.aftercare.support.IntegrationTest;
import com.aftercare.support.SessionCookie;

/**
 * What the SPA's session costs a request, counted at the JDBC level on H2 and PostgreSQL (ADR 0092): the session is
 * read once per request. Spring Session's filter commits a session twice per request and looked it up again at the
 * second commit, a second transaction on the session table for a row this request had just read. The session this
 * request saved is now remembered for the rest of the request only: a session ended elsewhere (another node's sign-out
 * deletes its row) is refused on the very next request.
 */
@CountedStatementsContext
class SessionStatementCountTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRequestOnASessionReadsTheSessionTableOnce() {
        String cookie = signIn();
        assertThat(me(cookie)).isEqualTo(200); // not the first request after sign-in: the SPA's steady state
        int[] status = new int[1];
        InboxQueryCountTest.STATEMENTS.during(() -> {
            status[0] = me(cookie);
            // the filter's second commit runs after the answer reached the client: give it time to show up if it reads
            pause(300);
        });
        assertThat(status[0]).isEqualTo(200);
        List<String> sessionReads = InboxQueryCountTest.STATEMENTS.sql.stream()
                .filter(q -> q.toUpperCase().contains("FROM SPRING_SESSION")).toList();
        assertThat(sessionReads).as("reads of the session table by one request").hasSize(1);
    }

    @Test
    void aSessionDeletedBetweenTwoRequestsIsRefusedOnTheNextOne() {
        String cookie = signIn();
        // several requests, so the server's request threads have each remembered this session at least once
        for (int i = 0; i < 6; i++) {
            assertThat(me(cookie)).isEqualTo(200);
        }
        String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
        // as another node's sign-out does: the row goes, this node is not told
        assertThat(jdbc.update("delete from SPRING_SESSION where SESSION_ID = ?", id)).isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            assertThat(me(cookie)).as("request %d after the session's row was deleted", i).isEqualTo(401);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int me(String cookie) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.COOKIE, "AFTERCARE_SESSION=" + cookie);
        return rest.exchange("/api/me", HttpMethod.GET, new HttpEntity<>(h), String.class).getStatusCode().value();
    }

    private String signIn() {
        return SessionCookie.signIn(rest, "t-desk", PASSWORD);
    }
}
