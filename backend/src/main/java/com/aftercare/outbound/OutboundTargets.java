package com.aftercare.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.aftercare.common.BadRequestException;

/**
 * The one gate for every connection the server makes on a user's say-so: contract webhooks and
 * device probes. Used twice for each target: when it is saved (400 naming the field) and on every
 * connect, where the host is resolved once, every address it resolves to is checked, and the
 * caller connects to the returned, checked address; there is no second lookup a DNS server could
 * answer differently (DNS rebinding).
 *
 * <p>What passes: a public unicast address; anything else ({@link TargetRule#refusal}) only when
 * the site's or contract's allow-list or the server-wide {@code aftercare.outbound.allow} covers
 * it. Webhooks must use https unless their target is allow-listed (the key travels in the URL).
 */
@Component
public class OutboundTargets {

    public static final String NOT_ALLOWED = "address not allowed";

    private final AllowList global;

    public OutboundTargets(OutboundProperties properties) {
        try {
            this.global = AllowList.of(properties.allow());
        } catch (BadRequestException e) {
            throw new IllegalStateException("aftercare.outbound.allow: " + e.errors().get(0).message());
        }
    }

    /** What a save may do with a target URL: both webhooks and HTTP probes. */
    public enum Use { WEBHOOK, PROBE }

    /**
     * Checks a URL before it is stored.
     *
     * @throws BadRequestException naming field: bad URL text, http for a webhook that is not allow-listed,
     *                             or a host that is or resolves to an address not allowed
     */
    public void checkUrl(String field, String url, Use use, AllowList allowList) {
        String problem = TargetRule.urlProblem(url);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        URI uri = URI.create(url);
        int port = port(uri);
        String host = uri.getHost();
        AllowList allowed = global.and(allowList);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        InetAddress[] addresses = lookUp(host);
        if (use == Use.WEBHOOK && !https && !allListed(host, addresses, port, allowed)) {
            throw new BadRequestException(field, "must be an https:// URL (http only for targets on the allow-list)");
        }
        String refused = refusal(host, addresses, port, allowed);
        if (refused != null) {
            throw new BadRequestException(field, NOT_ALLOWED + ": " + refused);
        }
    }

    /** Checks a probe host (a device's IP address or name) for each port it will be probed on. */
    public void checkHost(String field, String host, Iterable<Integer> ports, AllowList allowList) {
        String problem = TargetRule.hostProblem(host);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        InetAddress[] addresses = lookUp(host);
        AllowList allowed = global.and(allowList);
        for (int port : ports) {
            String refused = refusal(host, addresses, port, allowed);
            if (refused != null) {
                throw new BadRequestException(field, NOT_ALLOWED + " on port " + port + ": " + refused);
            }
        }
    }

    /**
     * Resolves a host for a connection to port, checks every address it resolves to, and returns
     * the one to connect to. Call right before connecting, every time.
     */
    public InetAddress resolve(String host, int port, AllowList allowList) throws TargetRefusedException {
        if (host == null || TargetRule.hostProblem(host) != null) {
            throw new TargetRefusedException("not a usable host", "host " + host);
        }
        InetAddress[] addresses = lookUp(host);
        if (addresses == null) {
            throw new TargetRefusedException("cannot resolve host", "cannot resolve " + host);
        }
        String refused = refusal(host, addresses, port, global.and(allowList));
        if (refused != null) {
            throw new TargetRefusedException(NOT_ALLOWED, host.toLowerCase(Locale.ROOT) + ":" + port + " is " + refused);
        }
        return addresses[0];
    }

    /** As {@link #resolve(String, int, AllowList)}, and a webhook must be https unless allow-listed. */
    public InetAddress resolveWebhook(URI uri, AllowList allowList) throws TargetRefusedException {
        InetAddress address = resolve(uri.getHost(), port(uri), allowList);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !global.and(allowList).allows(uri.getHost(), address, port(uri))) {
            throw new TargetRefusedException("https required", "plain http to " + uri.getHost());
        }
        return address;
    }

    public static final String OUTSIDE_SITE = "outside the site's networks";

    /**
     * Checks a device probe target before it is stored (issue 14): as {@link #resolveProbe}, as a 400 naming the field.
     * An unresolvable name is left to connect time (it may only resolve inside the customer's network).
     */
    public void checkProbeHost(String field, String host, Iterable<Integer> ports, AllowList siteNetworks) {
        String problem = TargetRule.hostProblem(host);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        InetAddress[] addresses = lookUp(host);
        if (addresses == null) {
            return;
        }
        for (int port : ports) {
            for (InetAddress address : addresses) {
                String refused = probeRefusal(host, address, port, siteNetworks);
                if (refused != null) {
                    throw new BadRequestException(field, NOT_ALLOWED + " on port " + port + ": " + refused);
                }
            }
        }
    }

    /**
     * Where a device probe may connect (issue 14, ADR 0031): the server-wide allow-list first (the operator's
     * configuration; the demo profile allows loopback there); never loopback, unspecified, link-local (169.254.169.254),
     * multicast or a cloud metadata address otherwise, whatever a site's list says; inside the site's networks when the
     * site has any; else a public unicast address, as before sites had networks.
     */
    public InetAddress resolveProbe(String host, int port, AllowList siteNetworks) throws TargetRefusedException {
        if (host == null || TargetRule.hostProblem(host) != null) {
            throw new TargetRefusedException("not a usable host", "host " + host);
        }
        InetAddress[] addresses = lookUp(host);
        if (addresses == null) {
            throw new TargetRefusedException("cannot resolve host", "cannot resolve " + host);
        }
        for (InetAddress address : addresses) {
            String refused = probeRefusal(host, address, port, siteNetworks);
            if (refused != null) {
                throw new TargetRefusedException(NOT_ALLOWED, host.toLowerCase(Locale.ROOT) + ":" + port + " is " + refused);
            }
        }
        return addresses[0];
    }

    /** Why a probe may not reach this address, or null. */
    String probeRefusal(String host, InetAddress address, int port, AllowList siteNetworks) {
        if (global.allows(host, address, port)) {
            return null;
        }
        String kind = TargetRule.refusal(address);
        if (kind != null && TargetRule.neverForSites(address, kind)) {
            return kind;
        }
        if (!siteNetworks.isEmpty()) {
            return siteNetworks.allows(host, address, port) ? null : OUTSIDE_SITE;
        }
        return kind;
    }

    public static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Why one of the addresses may not be reached, or null if all may (unresolvable: left to connect time). */
    private static String refusal(String host, InetAddress[] addresses, int port, AllowList allowed) {
        if (addresses == null) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (allowed.allows(host, address, port)) {
                continue;
            }
            String why = TargetRule.refusal(address);
            if (why != null) {
                // the kind only: which address an internal name resolves to is itself worth hiding
                return why;
            }
        }
        return null;
    }

    private static boolean allListed(String host, InetAddress[] addresses, int port, AllowList allowed) {
        if (addresses == null) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (!allowed.allows(host, address, port)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every address of a host, or null when it cannot be resolved from here (a device name may only
     * resolve inside the customer's network; connect time refuses it then).
     */
    private static InetAddress[] lookUp(String host) {
        InetAddress literal = TargetRule.literal(host);
        if (literal != null) {
            return new InetAddress[] { literal };
        }
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
