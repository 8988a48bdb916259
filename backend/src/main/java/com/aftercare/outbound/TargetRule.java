package com.aftercare.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses this server may be made to connect to, and which URLs it accepts as targets. Pure
 * functions, no configuration: the allow-lists that open exceptions are {@link AllowList}, and
 * {@link OutboundTargets} combines the two.
 *
 * <p>Why by address and not by host name: a name is only a pointer; what the socket reaches is the
 * address it resolved to. So every address a name resolves to is classified, and the connection is
 * then made to that very address (see {@link OutboundTargets#resolve}).
 */
public final class TargetRule {

    public static final int MAX_URL_LENGTH = 500;
    /** Numbers in any notation inet_aton understands (2130706433, 0177.0.0.1, 0x7f.1): never a real host name. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");

    private TargetRule() {
    }

    /**
     * Why this address is not one the server may reach on a user's behalf, or null for a public
     * unicast address. Covers loopback, unspecified, private, shared (CGNAT, where 100.100.100.200
     * is a cloud metadata service), link-local (169.254.169.254), multicast and reserved ranges, and
     * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo).
     */
    public static String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusalV4(b);
        }
        if (address instanceof Inet6Address) {
            return refusalV6(b);
        }
        return "unknown address family";
    }

    private static String refusalV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (a0 >= 224) {
            return a0 < 240 ? "multicast" : "reserved";
        }
        if ((a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113) || (a0 == 192 && a1 == 88 && a2 == 99)) {
            return "reserved";
        }
        return null;
    }

    private static String refusalV6(byte[] b) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            first10Zero &= b[i] == 0;
        }
        if (first10Zero && b[10] == 0 && b[11] == 0) {
            boolean restZero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (restZero && b[15] == 0) {
                return "unspecified";
            }
            if (restZero && b[15] == 1) {
                return "loopback";
            }
            return embedded("IPv4-compatible", b, 12); // ::a.b.c.d
        }
        if (first10Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("IPv4-mapped", b, 12); // ::ffff:a.b.c.d
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        int w2 = ((b[4] & 0xff) << 8) | (b[5] & 0xff);
        if (w0 == 0x0064 && w1 == 0xff9b) {
            if (w2 == 0x0001) {
                return "NAT64 local-use"; // 64:ff9b:1::/48 translates into a local network by definition
            }
            boolean wellKnown = true;
            for (int i = 4; i < 12; i++) {
                wellKnown &= b[i] == 0;
            }
            return wellKnown ? embedded("NAT64", b, 12) : "reserved";
        }
        if (w0 == 0x2002) {
            return embedded("6to4", b, 2);
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return "Teredo tunnel"; // the client's IPv4 is hidden (inverted) in it; nothing legitimate needs one here
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return "reserved";
        }
        if ((w0 & 0xfe00) == 0xfc00) {
            return "private"; // fc00::/7 unique local, incl. fd00:ec2::254 (a cloud metadata service)
        }
        if ((w0 & 0xffc0) == 0xfe80 || (w0 & 0xffc0) == 0xfec0) {
            return "link-local";
        }
        if ((w0 & 0xff00) == 0xff00) {
            return "multicast";
        }
        if (w0 == 0x0100 && w1 == 0 && w2 == 0 && b[6] == 0 && b[7] == 0) {
            return "reserved"; // 100::/64 discard
        }
        return null;
    }

    /** Cloud metadata services that sit on otherwise ordinary ranges (Alibaba Cloud's on CGNAT, AWS's IPv6 one). */
    private static final java.util.Set<String> METADATA = java.util.Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    /**
     * Addresses a site's networks can never open for device probes, only the server-wide configuration (issue 14):
     * the server itself (loopback, unspecified), link-local (169.254.169.254 is the usual metadata service),
     * multicast and the metadata services. kind: what {@link #refusal} said of the address.
     */
    static boolean neverForSites(InetAddress address, String kind) {
        if (METADATA.contains(address.getHostAddress())) {
            return true;
        }
        return kind.endsWith("loopback") || kind.endsWith("unspecified") || kind.endsWith("link-local")
                || kind.endsWith("multicast");
    }

    private static String embedded(String form, byte[] b, int offset) {
        String inner = refusalV4(new byte[] { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] });
        return inner == null ? null : form + " " + inner;
    }

    /**
     * Why this URL can never be a target, by its text alone, or null: http(s) only, a host, no user
     * name or password (it would be a second secret nobody can see), at most 500 characters, and an
     * address written as numbers only in the usual dotted form (2130706433 or 0177.0.0.1 mean
     * different things to different parsers).
     */
    public static String urlProblem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return "must be at most " + MAX_URL_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http:// or https:// URL";
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return "must not contain a user name or password";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must have a host";
        }
        return hostProblem(uri.getHost());
    }

    /** Why this host (a name, a dotted IPv4 address or an IPv6 address with or without brackets) is unusable, or null. */
    public static String hostProblem(String host) {
        if (host == null || host.isBlank()) {
            return "must have a host";
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.contains(":")) {
            // a zone id (%eth0) would pick an interface: never something a user chooses
            return h.contains("%") || literal(h) == null ? "not a valid IPv6 address" : null;
        }
        if (NUMERIC_HOST.matcher(h).matches()) {
            return DOTTED_QUAD.matcher(h).matches() ? null : "write an IPv4 address as four decimal numbers (a.b.c.d)";
        }
        if (h.length() > 253 || !HOST_NAME.matcher(h).matches()) {
            return "not a valid host name";
        }
        return null;
    }

    /** An IP literal (IPv4 dotted quad or IPv6, brackets optional) as an address, without any DNS lookup; else null. */
    static InetAddress literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.contains(":") && !DOTTED_QUAD.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
