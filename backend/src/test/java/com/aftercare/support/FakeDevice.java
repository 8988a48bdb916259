package com.aftercare.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A device on loopback for the probe to talk to: a real HTTP server whose port also answers the
 * TCP check. Taking it down closes the port, so the probe sees what it would see in the field.
 */
public class FakeDevice implements AutoCloseable {

    private HttpServer server;
    private final int port;

    public FakeDevice() {
        this.port = start(0);
    }

    private int start(int wanted) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind fake device on port " + wanted, e);
        }
        server.createContext("/", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/status";
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            start(port);
        }
    }

    @Override
    public void close() {
        down();
    }
}
