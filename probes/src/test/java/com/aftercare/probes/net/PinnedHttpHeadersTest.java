package com.aftercare.probes.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The request headers and response headers PinnedHttp carries for Digest (ISAPI), against a real HTTP server. */
class PinnedHttpHeadersTest {

    HttpServer server;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("WWW-Authenticate", "Digest realm=\"r\", nonce=\"n\", qop=\"auth\"");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"r\"");
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ISAPI/System/status");
    }

    PinnedHttp http() {
        return new PinnedHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void sendsTheGivenHeadersAndReturnsEveryValueOfARepeatedHeader() throws Exception {
        PinnedHttp.Response response = http().send("GET", uri(), InetAddress.getLoopbackAddress(),
                Map.of("Authorization", "Digest username=\"admin\""), null, null, false);

        assertThat(response.status()).isEqualTo(401);
        assertThat(authorizations).containsExactly("Digest username=\"admin\"");
        assertThat(response.headers("www-authenticate")).containsExactly("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"", "Basic realm=\"r\"");
        assertThat(response.headers("WWW-Authenticate")).hasSize(2);
        assertThat(response.headers("X-Absent")).isEmpty();
    }

    @Test
    void theOldSendStillSendsNoExtraHeader() throws Exception {
        assertThat(http().send("GET", uri(), InetAddress.getLoopbackAddress(), null, null, false).status()).isEqualTo(401);
        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void anEndlessHeaderIsNotAnHttpAnswer() throws Exception {
        try (java.net.ServerSocket flood = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (java.net.Socket s = flood.accept(); var out = s.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < 10_000; i++) {
                        out.write(("X-Filler-" + i + ": y\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                } catch (java.io.IOException e) {
                    // the client hung up, as it should
                }
            });
            peer.setDaemon(true);
            peer.start();

            assertThatThrownBy(() -> http().send("GET", URI.create("http://127.0.0.1:" + flood.getLocalPort() + "/"),
                    InetAddress.getLoopbackAddress(), null, null, false)).isInstanceOf(PinnedHttp.Failure.class)
                    .hasMessage("not an HTTP answer");
        }
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> http().send("GET", uri(), InetAddress.getLoopbackAddress(),
                Map.of("Authorization", "x\r\nX-Injected: 1"), null, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(authorizations).isEmpty();
    }
}
