package com.aftercare.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.aftercare.support.IntegrationTest;

/**
 * The installable web app over real HTTP (ADR 0019): the manifest is served as application/manifest+json and the
 * service worker as JavaScript, both without signing in, and the Content-Security-Policy admits both from this
 * origin. The files are stand-ins under src/test/resources/static/pwa-check (the frontend build is not on the
 * test classpath); the served types and headers are the server's.
 */
class InstallableWebAppTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;

    @Test
    void theManifestIsServedAsAManifestWithoutSigningIn() {
        ResponseEntity<String> manifest = rest.getForEntity("/pwa-check/manifest.webmanifest", String.class);
        assertThat(manifest.getStatusCode().value()).isEqualTo(200);
        assertThat(manifest.getHeaders().getContentType()).isNotNull();
        assertThat(manifest.getHeaders().getContentType().toString()).startsWith("application/manifest+json");
        assertThat(manifest.getBody()).contains("\"start_url\"");
    }

    @Test
    void theServiceWorkerIsJavaScriptAndThePolicyAllowsItAndTheManifest() {
        ResponseEntity<String> sw = rest.getForEntity("/pwa-check/sw.js", String.class);
        assertThat(sw.getStatusCode().value()).isEqualTo(200);
        assertThat(sw.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/javascript"))).isTrue();
        assertThat(sw.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        String csp = sw.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("worker-src 'self'").contains("manifest-src 'self'").contains("script-src 'self'");
        // a service worker must not be cached for long, or a phone keeps an old app shell
        assertThat(sw.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-cache");
    }
}
