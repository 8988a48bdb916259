package com.aftercare.probeagent;

import java.net.URI;
import java.util.Map;

/**
 * How the agent is started: the server's address and the agent's token, from the command line or the environment
 * (AFTERCARE_AGENT_SERVER, AFTERCARE_AGENT_TOKEN), so the token need not appear in the process list.
 *
 * @param allowLoopback devices on this machine's loopback may be probed when the site's networks list them; only the
 *                      server's own tests need it (a real site's devices are never on the agent's loopback)
 */
public record AgentSettings(URI server, String token, boolean allowLoopback) {

    static final String USAGE = "usage: java -jar aftercare-probe-agent.jar --server https://service.example.com --token <token>"
            + " (or env AFTERCARE_AGENT_SERVER, AFTERCARE_AGENT_TOKEN)";

    /** Bad start parameters; the message says which and is safe to print (it never contains the token). */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    public static AgentSettings parse(String[] args, Map<String, String> env) {
        String server = env.get("AFTERCARE_AGENT_SERVER");
        String token = env.get("AFTERCARE_AGENT_TOKEN");
        boolean allowLoopback = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i, "--server");
                case "--token" -> token = value(args, ++i, "--token");
                case "--allow-loopback-devices" -> allowLoopback = true;
                default -> throw new Invalid("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (server == null || server.isBlank()) {
            throw new Invalid("--server is missing; " + USAGE);
        }
        if (token == null || token.isBlank()) {
            throw new Invalid("--token is missing; " + USAGE);
        }
        return new AgentSettings(serverUri(server.trim()), token.trim(), allowLoopback);
    }

    /**
     * Jobs carry device passwords, and the token is a password too: plain http is refused, except to this machine's
     * loopback (the server's tests, or a local TLS-terminating proxy).
     */
    static URI serverUri(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new Invalid("--server is not a URL: " + text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Invalid("--server must be an https:// URL: " + text);
        }
        if (scheme.equals("http") && !isLoopbackName(uri.getHost())) {
            throw new Invalid("--server must use https (plain http only to 127.0.0.1 or localhost): " + text);
        }
        return uri;
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase();
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new Invalid(option + " needs a value; " + USAGE);
        }
        return args[i];
    }
}
