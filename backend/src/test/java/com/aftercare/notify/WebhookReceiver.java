package com.aftercare.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A group robot on loopback: a real HTTP server on a random port that records every request and
 * answers with scripted replies, then with WeCom/DingTalk's success answer. Public for the tests of
 * other features that follow a message out to its robot (escalation).
 */
public class WebhookReceiver implements AutoCloseable {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(String method, String path, String rawQuery, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private record Reply(int status, String body, long delayMillis) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Reply otherwise = new Reply(200, OK, 0);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(requestBody, StandardCharsets.UTF_8)));
            Reply reply;
            synchronized (replies) {
                reply = replies.isEmpty() ? otherwise : replies.poll();
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** The next unscripted request gets this answer (after the scripted ones: 200 with errcode 0, or alwaysAnswer). */
    WebhookReceiver thenAnswer(int status, String body) {
        synchronized (replies) {
            replies.add(new Reply(status, body, 0));
        }
        return this;
    }

    /** Every request after the scripted ones gets this answer. */
    WebhookReceiver alwaysAnswer(int status, String body) {
        otherwise = new Reply(status, body, 0);
        return this;
    }

    WebhookReceiver thenAnswerSlowly(long delayMillis) {
        synchronized (replies) {
            replies.add(new Reply(200, OK, delayMillis));
        }
        return this;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
