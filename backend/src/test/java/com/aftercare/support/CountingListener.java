package com.aftercare.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An "internal service" on loopback that counts the connections it accepts and answers each with
 * an HTTP 500 whose body is a marker text. It binds below the ephemeral range, so the test
 * profile's allow-list (loopback ephemeral ports only) does not cover it: the server must refuse
 * to connect, and accepted() proves it never did.
 */
public class CountingListener implements AutoCloseable {

    public static final String MARKER = "internal-service-secret-answer";

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread loop;

    public CountingListener() {
        this.socket = bindBelowEphemeral();
        this.loop = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    accepted.incrementAndGet();
                    s.setSoTimeout(2000);
                    byte[] body = ("{\"errcode\":1,\"errmsg\":\"" + MARKER + "\",\"detail\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }, "counting-listener");
        loop.setDaemon(true);
        loop.start();
    }

    private static ServerSocket bindBelowEphemeral() {
        for (int i = 0; i < 50; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 30000);
            try {
                return new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 30000 on 127.0.0.1");
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
