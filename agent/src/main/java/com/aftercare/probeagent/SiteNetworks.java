package com.aftercare.probeagent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.aftercare.probes.AddressGuard;

/**
 * The agent's rule for what it may connect to: only the networks the job names for its site (entries "10.20.0.0/16",
 * "10.20.0.5", optionally with ":554" or ":8000-8100", or a host name), and never this machine (loopback), link-local
 * addresses or a cloud's metadata service, whatever the entries say. The agent sits inside a customer's network
 * with the server's trust; a job naming another address must not turn it into a scanner of that network.
 */
final class SiteNetworks implements AddressGuard {

    /** Cloud metadata services that are not link-local: Alibaba Cloud (100.100.100.200) and AWS over IPv6. */
    private static final List<String> METADATA = List.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final List<Entry> entries;
    private final boolean allowLoopback;

    private SiteNetworks(List<Entry> entries, boolean allowLoopback) {
        this.entries = entries;
        this.allowLoopback = allowLoopback;
    }

    /** Entries that do not parse are skipped (they allow nothing), the rest still apply. */
    static SiteNetworks of(List<String> siteNetworks, boolean allowLoopback) {
        List<Entry> parsed = new ArrayList<>();
        for (String text : siteNetworks) {
            Entry e = Entry.parse(text);
            if (e != null) {
                parsed.add(e);
            }
        }
        return new SiteNetworks(List.copyOf(parsed), allowLoopback);
    }

    @Override
    public InetAddress resolve(String host, int port) throws RefusedTarget {
        if (host == null || host.isBlank()) {
            throw new RefusedTarget("no address");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("unknown host");
        }
        for (InetAddress a : addresses) {
            if (forbidden(a)) {
                continue;
            }
            for (Entry e : entries) {
                if (e.allows(host, a, port)) {
                    return a; // the check connects to exactly this address
                }
            }
        }
        throw new RefusedTarget("address not allowed");
    }

    private boolean forbidden(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return !allowLoopback;
        }
        return a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                || METADATA.contains(a.getHostAddress().toLowerCase(Locale.ROOT));
    }

    /** One entry: a network (address bytes and prefix length) or a host name, and a port range. */
    private record Entry(byte[] network, int prefix, String hostName, int fromPort, int toPort) {

        static Entry parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            String text = raw.trim();
            int from = 1;
            int to = 65535;
            String addr = text;
            // a port suffix: "[v6]:p", or "v4/host:p" (a bare IPv6 address has several colons and no port)
            if (text.startsWith("[")) {
                int close = text.indexOf(']');
                if (close < 0) {
                    return null;
                }
                addr = text.substring(1, close);
                String rest = text.substring(close + 1);
                if (rest.startsWith(":")) {
                    int[] range = ports(rest.substring(1));
                    if (range == null) {
                        return null;
                    }
                    from = range[0];
                    to = range[1];
                }
            } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
                addr = text.substring(0, text.indexOf(':'));
                int[] range = ports(text.substring(text.indexOf(':') + 1));
                if (range == null) {
                    return null;
                }
                from = range[0];
                to = range[1];
            }
            String ip = addr;
            int prefix = -1;
            int slash = addr.indexOf('/');
            if (slash >= 0) {
                ip = addr.substring(0, slash);
                try {
                    prefix = Integer.parseInt(addr.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (!looksLikeIp(ip)) {
                return slash >= 0 ? null : new Entry(null, 0, ip.toLowerCase(Locale.ROOT), from, to);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(ip).getAddress(); // a literal: no DNS lookup
            } catch (UnknownHostException e) {
                return null;
            }
            int max = bytes.length * 8;
            if (prefix < 0) {
                prefix = max;
            }
            if (prefix > max) {
                return null;
            }
            return new Entry(bytes, prefix, null, from, to);
        }

        private static boolean looksLikeIp(String s) {
            return s.matches("[0-9.]+") || (s.contains(":") && s.matches("[0-9a-fA-F:.]+"));
        }

        private static int[] ports(String text) {
            try {
                int dash = text.indexOf('-');
                int a = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
                int b = dash < 0 ? a : Integer.parseInt(text.substring(dash + 1));
                return a >= 1 && b <= 65535 && a <= b ? new int[] { a, b } : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean allows(String host, InetAddress address, int port) {
            if (port < fromPort || port > toPort) {
                return false;
            }
            if (hostName != null) {
                return hostName.equals(host.toLowerCase(Locale.ROOT));
            }
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int bits = prefix % 8;
            if (bits == 0) {
                return true;
            }
            int mask = (0xff << (8 - bits)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
