package com.aftercare.outbound;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.aftercare.common.BadRequestException;

/**
 * Exceptions to {@link TargetRule}: networks or host names an admin allows for one site's device
 * probes, one contract's webhooks, or (configuration) for the whole server. Entries are separated
 * by commas or white space; each is an address or CIDR block ({@code 10.20.0.0/16},
 * {@code [fd12::]/64}, bare IPv6 allowed without a port) or a host name, optionally limited to a
 * port or port range ({@code 127.0.0.1:8080}, {@code 127.0.0.1/32:32768-65535}, {@code [::1]:8443}).
 * A host-name entry trusts whatever that name resolves to, so list names only for hosts you run.
 */
public final class AllowList {

    public static final int MAX_LENGTH = 1000;
    public static final AllowList NONE = new AllowList(List.of());

    private record Entry(byte[] network, int prefix, String hostName, int fromPort, int toPort) {
        boolean allows(String host, InetAddress address, int port) {
            if (port < fromPort || port > toPort) {
                return false;
            }
            if (hostName != null) {
                return host != null && hostName.equalsIgnoreCase(stripDot(host));
            }
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE));
            return new BigInteger(1, a).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = entries;
    }

    /** Parses a list as typed by an admin; a bad entry is a 400 naming the field and the entry. */
    public static AllowList parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        if (text.length() > MAX_LENGTH) {
            throw new BadRequestException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        List<Entry> entries = new ArrayList<>();
        for (String item : text.trim().split("[,\\s]+")) {
            Entry entry = entry(item);
            if (entry == null) {
                throw new BadRequestException(field, "'" + item + "' is not an address, CIDR block or host name"
                        + " (optionally with :port or :from-to)");
            }
            entries.add(entry);
        }
        return new AllowList(List.copyOf(entries));
    }

    /** A list that came from the database or configuration: was checked when written. */
    public static AllowList of(String text) {
        return parse("allowList", text);
    }

    public static AllowList of(List<String> items) {
        return items == null || items.isEmpty() ? NONE : of(String.join(",", items));
    }

    public AllowList and(AllowList other) {
        if (other.entries.isEmpty()) {
            return this;
        }
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new AllowList(List.copyOf(all));
    }

    /** Whether a connection to this port of this address (found for host) is allowed by an entry. */
    public boolean allows(String host, InetAddress address, int port) {
        return entries.stream().anyMatch(e -> e.allows(host, address, port));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Entry entry(String item) {
        String rest = item;
        String address;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return null;
            }
            address = rest.substring(1, close);
            rest = rest.substring(close + 1);
        } else if (rest.indexOf(':') != rest.lastIndexOf(':')) {
            address = rest; // bare IPv6, perhaps with /prefix, no port
            rest = "";
        } else {
            int colon = rest.indexOf(':');
            int slash = rest.indexOf('/');
            int end = colon >= 0 ? colon : rest.length();
            address = rest.substring(0, slash >= 0 && slash < end ? slash : end);
            rest = rest.substring(address.length());
        }
        if (address.contains("/")) {
            rest = address.substring(address.indexOf('/')) + rest;
            address = address.substring(0, address.indexOf('/'));
        }
        Integer prefix = null;
        if (rest.startsWith("/")) {
            int colon = rest.indexOf(':');
            String bits = colon < 0 ? rest.substring(1) : rest.substring(1, colon);
            if (!bits.matches("[0-9]{1,3}")) {
                return null;
            }
            prefix = Integer.parseInt(bits);
            rest = colon < 0 ? "" : rest.substring(colon);
        }
        int from = 1;
        int to = 65535;
        if (rest.startsWith(":")) {
            String ports = rest.substring(1);
            if (!ports.matches("[0-9]{1,5}(-[0-9]{1,5})?")) {
                return null;
            }
            String[] range = ports.split("-");
            from = Integer.parseInt(range[0]);
            to = Integer.parseInt(range[range.length - 1]);
            if (from < 1 || to > 65535 || from > to) {
                return null;
            }
        } else if (!rest.isEmpty()) {
            return null;
        }
        InetAddress literal = TargetRule.literal(address);
        if (literal != null) {
            int bitsMax = literal.getAddress().length * 8;
            int p = prefix == null ? bitsMax : prefix;
            if (p > bitsMax) {
                return null;
            }
            return new Entry(literal.getAddress(), p, null, from, to);
        }
        if (prefix != null || TargetRule.hostProblem(address) != null || address.contains(":")) {
            return null;
        }
        return new Entry(null, 0, stripDot(address).toLowerCase(Locale.ROOT), from, to);
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
