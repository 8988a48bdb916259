package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.support.IntegrationTest;

/** The default sign-in: local accounts with Basic; the SPA learns so from /api/auth/config before signing in. */
class AuthConfigApiTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(rest);
    }

    @Test
    void tellsTheSpaToShowItsOwnLoginForm() {
        ApiClient.Response config = api.get(null, "/api/auth/config");

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().toString()).isEqualTo("{\"mode\":\"local\"}");
    }

    @Test
    void localAccountsSignInWithBasicAndBearerTokensMeanNothingHere() {
        assertThat(api.get("t-desk", "/api/me").body().path("roles").toString()).isEqualTo("[\"SERVICE_DESK\"]");
        ApiClient.Response bearer = api.exchange(null, HttpMethod.GET, "/api/me", null,
                Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.headers().getFirst("WWW-Authenticate")).isNull(); // no browser pop-up for the SPA
    }
}
