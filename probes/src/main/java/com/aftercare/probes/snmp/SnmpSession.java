package com.aftercare.probes.snmp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import com.aftercare.probes.AddressGuard;
import com.aftercare.probes.CheckKind;
import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.CheckReason;
import com.aftercare.probes.DeviceEndpoint;
import com.aftercare.probes.Timeouts;

/**
 * One SNMP conversation with one device over UDP (v2c or v3/USM), opened for one check and closed after it.
 * Each session has its own dispatcher, USM and security protocols instead of SNMP4J's process-wide
 * singletons, so concurrent checks of devices with different v3 users never see each other's keys.
 * The address comes from the guard once; the UDP target is that address, never the host name again.
 * Failures are {@link SnmpFailure}s with a reason and facts safe to show (no community, no password).
 */
final class SnmpSession implements AutoCloseable {

    /** usmStats (RFC 3414): the reports a v3 agent sends instead of an answer when the user or keys are wrong. */
    static final OID USM_STATS = new OID("1.3.6.1.6.3.15.1.1");
    private static final Map<String, String> USM_STATS_NAMES = Map.of(
            "1.3.6.1.6.3.15.1.1.1.0", "unsupported security level",
            "1.3.6.1.6.3.15.1.1.2.0", "not in time window",
            "1.3.6.1.6.3.15.1.1.3.0", "unknown user name",
            "1.3.6.1.6.3.15.1.1.4.0", "unknown engine ID",
            "1.3.6.1.6.3.15.1.1.5.0", "wrong digest (authentication password)",
            "1.3.6.1.6.3.15.1.1.6.0", "decryption error (privacy password)");

    /** SNMP answered nothing usable; reason and facts for the outcome. */
    static final class SnmpFailure extends Exception {
        final CheckReason reason;

        SnmpFailure(CheckReason reason, String shown) {
            super(shown, null, false, false);
            this.reason = reason;
        }
    }

    /** A bound on the rows of one walk: the largest chassis switches have a few thousand interfaces. */
    private static final int MAX_ROWS = 10_000;

    private final Snmp snmp;
    private final Target<UdpAddress> target;
    private final boolean v3;
    private final String version;
    private final long timeoutMillis;
    final String shownTarget;

    private SnmpSession(Snmp snmp, Target<UdpAddress> target, boolean v3, String version, long timeoutMillis, String shownTarget) {
        this.snmp = snmp;
        this.target = target;
        this.v3 = v3;
        this.version = version;
        this.timeoutMillis = timeoutMillis;
        this.shownTarget = shownTarget;
    }

    /** What is missing from the device's SNMP settings for this version, or null when it can be used. */
    static String missing(DeviceEndpoint device) {
        DeviceEndpoint.Snmp s = device.snmp();
        if (device.host() == null || device.host().isBlank()) {
            return "host";
        }
        if (s == null) {
            return "snmp";
        }
        if (!"2c".equals(s.version()) && !"3".equals(s.version())) {
            return "snmp.version";
        }
        if ("2c".equals(s.version()) && (s.community() == null || s.community().isEmpty())) {
            return "snmp.community";
        }
        if ("3".equals(s.version())) {
            if (s.user() == null || s.user().isEmpty()) {
                return "snmp.user";
            }
            if (s.authProtocol() != null && (authOid(s.authProtocol()) == null || tooShort(s.authPassword()))) {
                return authOid(s.authProtocol()) == null ? "snmp.authProtocol" : "snmp.authPassword";
            }
            if (s.privProtocol() != null) {
                if (s.authProtocol() == null) {
                    return "snmp.authProtocol"; // USM has no privacy without authentication
                }
                if (privOid(s.privProtocol()) == null || tooShort(s.privPassword())) {
                    return privOid(s.privProtocol()) == null ? "snmp.privProtocol" : "snmp.privPassword";
                }
            }
        }
        return null;
    }

    /** Opens a session after {@link #missing} said the settings are complete. */
    static SnmpSession open(DeviceEndpoint device, AddressGuard guard, Timeouts timeouts) throws AddressGuard.RefusedTarget, SnmpFailure {
        DeviceEndpoint.Snmp s = device.snmp();
        int port = s.port() > 0 ? s.port() : 161;
        InetAddress address = guard.resolve(device.host(), port);
        String shown = "snmp://" + (address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress())
                + ":" + port;
        UdpAddress udp = new UdpAddress(address, port);
        long timeout = Math.max(1, timeouts.read().toMillis());

        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        OctetString localEngine = new OctetString(MPv3.createLocalEngineID());
        USM usm = new USM(protocols, localEngine, 0);
        MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(new MPv3(localEngine.getValue(), null, protocols,
                SecurityModels.getCollection(new SecurityModel[] { usm }), CounterSupport.getInstance()));
        Snmp snmp;
        try {
            snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
            snmp.listen();
        } catch (IOException e) {
            throw new SnmpFailure(CheckReason.UNREACHABLE, "no local UDP port");
        }
        Target<UdpAddress> target;
        boolean v3 = "3".equals(s.version());
        if (v3) {
            OID auth = s.authProtocol() == null ? null : authOid(s.authProtocol());
            OID priv = s.privProtocol() == null ? null : privOid(s.privProtocol());
            OctetString user = new OctetString(s.user());
            usm.addUser(new UsmUser(user, auth, auth == null ? null : new OctetString(s.authPassword()), priv,
                    priv == null ? null : new OctetString(s.privPassword())));
            UserTarget<UdpAddress> t = new UserTarget<>();
            t.setSecurityName(user);
            t.setSecurityLevel(priv != null ? SecurityLevel.AUTH_PRIV : auth != null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.NOAUTH_NOPRIV);
            t.setVersion(SnmpConstants.version3);
            target = t;
        } else {
            CommunityTarget<UdpAddress> t = new CommunityTarget<>();
            t.setCommunity(new OctetString(s.community()));
            t.setVersion(SnmpConstants.version2c);
            target = t;
        }
        target.setAddress(udp);
        target.setTimeout(timeout);
        target.setRetries(1); // UDP may drop one datagram; a second silence means the device does not answer us
        return new SnmpSession(snmp, target, v3, v3 ? "v3" : "v2c", timeout, shown);
    }

    /** GET of the given instances; absent ones come back as noSuchObject/noSuchInstance values. */
    Map<OID, Variable> get(OID... oids) throws SnmpFailure {
        PDU pdu = v3 ? new ScopedPDU() : new PDU();
        pdu.setType(PDU.GET);
        for (OID oid : oids) {
            pdu.add(new VariableBinding(oid));
        }
        PDU response = exchange(pdu);
        Map<OID, Variable> out = new LinkedHashMap<>();
        for (VariableBinding vb : response.getVariableBindings()) {
            out.put(vb.getOid(), vb.getVariable());
        }
        return out;
    }

    /**
     * The rows of table columns, walked side by side with GETNEXT (one request per row for all columns):
     * column OID to (index after the column to value). GETBULK would need fewer requests, but a few switch
     * agents answer it badly, and a 52-port switch is 53 small requests.
     */
    Map<OID, Map<OID, Variable>> columns(OID... columns) throws SnmpFailure {
        Map<OID, Map<OID, Variable>> out = new LinkedHashMap<>();
        Map<OID, OID> next = new LinkedHashMap<>();
        for (OID column : columns) {
            out.put(column, new LinkedHashMap<>());
            next.put(column, column);
        }
        for (int rows = 0; rows < MAX_ROWS && !next.isEmpty(); rows++) {
            PDU pdu = v3 ? new ScopedPDU() : new PDU();
            pdu.setType(PDU.GETNEXT);
            List<OID> asked = new ArrayList<>(next.keySet());
            for (OID column : asked) {
                pdu.add(new VariableBinding(next.get(column)));
            }
            List<? extends VariableBinding> answer = exchange(pdu).getVariableBindings();
            for (int i = 0; i < asked.size(); i++) {
                OID column = asked.get(i);
                VariableBinding vb = i < answer.size() ? answer.get(i) : null;
                if (vb == null || vb.isException() || !vb.getOid().startsWith(column) || vb.getOid().compareTo(next.get(column)) <= 0) {
                    next.remove(column); // past the column's end (or an agent going backwards): done
                } else {
                    out.get(column).put(new OID(vb.getOid().getValue(), column.size(), vb.getOid().size() - column.size()), vb.getVariable());
                    next.put(column, vb.getOid());
                }
            }
        }
        return out;
    }

    private PDU exchange(PDU pdu) throws SnmpFailure {
        ResponseEvent<UdpAddress> event;
        try {
            event = snmp.send(pdu, target);
        } catch (IOException e) {
            throw new SnmpFailure(CheckReason.UNREACHABLE, "could not send the request");
        }
        PDU response = event == null ? null : event.getResponse();
        if (response == null) {
            // v2c: a wrong community is dropped silently by the agent, so it looks exactly like a dead device;
            // v3: a wrong privacy password decrypts to garbage the agent cannot parse and drops, also silently
            throw new SnmpFailure(CheckReason.TIMEOUT, "no SNMP " + version + " answer within " + timeoutMillis + " ms, retried once"
                    + (!v3 ? " (wrong community or no agent)"
                            : target.getSecurityLevel() == SecurityLevel.AUTH_PRIV ? " (wrong privacy password or no agent)" : ""));
        }
        if (response.getType() == PDU.REPORT) {
            VariableBinding first = response.size() > 0 ? response.get(0) : null;
            String oid = first == null ? "" : first.getOid().toDottedString();
            if (first != null && first.getOid().startsWith(USM_STATS)) {
                String what = USM_STATS_NAMES.getOrDefault(oid, "usmStats " + oid);
                return failAuth("SNMP v3 report: " + what);
            }
            throw new SnmpFailure(CheckReason.PROTOCOL_ERROR, "SNMP report " + oid);
        }
        if (response.getErrorStatus() != PDU.noError) {
            int status = response.getErrorStatus();
            if (status == PDU.authorizationError || status == PDU.noAccess) {
                return failAuth("SNMP " + response.getErrorStatusText());
            }
            throw new SnmpFailure(CheckReason.BAD_STATUS, "SNMP error " + response.getErrorStatusText().toLowerCase(Locale.ROOT));
        }
        return response;
    }

    private static PDU failAuth(String shown) throws SnmpFailure {
        throw new SnmpFailure(CheckReason.AUTH_FAILED, shown);
    }

    static boolean absent(Variable v) {
        // noSuchObject, noSuchInstance and endOfMibView are exception values; a plain NULL is no reading either
        return v == null || v.isException() || v instanceof org.snmp4j.smi.Null;
    }

    static List<Integer> ints(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                out.add(Integer.parseInt(part.trim()));
            }
        }
        return out;
    }

    private static OID authOid(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "SHA", "SHA1", "SHA-1" -> AuthSHA.ID;
            case "SHA256", "SHA-256" -> AuthHMAC192SHA256.ID;
            case "MD5" -> AuthMD5.ID;
            default -> null;
        };
    }

    private static OID privOid(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "AES", "AES128", "AES-128" -> PrivAES128.ID;
            case "AES256", "AES-256" -> PrivAES256.ID;
            case "DES" -> PrivDES.ID;
            default -> null;
        };
    }

    /** RFC 3414 (2.6) asks for at least 8 characters; SNMP4J refuses to derive a key from fewer. */
    private static boolean tooShort(String s) {
        return s == null || s.length() < 8;
    }

    /** What a check does with an open session: its outcome (pass or a finding such as INTERFACE_DOWN). */
    @FunctionalInterface
    interface Conversation {
        CheckOutcome talk(SnmpSession session, long startNanos) throws SnmpFailure;
    }

    /** The frame every SNMP check shares: settings present, address allowed, session opened and closed, failures as outcomes. */
    static CheckOutcome run(CheckKind kind, DeviceEndpoint device, AddressGuard guard, Timeouts timeouts, Conversation conversation) {
        String missing = missing(device);
        if (missing != null) {
            return CheckOutcome.notConfigured(kind, missing);
        }
        long start = System.nanoTime();
        String shown = device.host() + ":" + (device.snmp().port() > 0 ? device.snmp().port() : 161);
        try (SnmpSession session = open(device, guard, timeouts)) {
            try {
                return conversation.talk(session, start);
            } catch (SnmpFailure e) {
                return CheckOutcome.fail(kind, session.shownTarget, e.reason, e.getMessage(), millisSince(start));
            } catch (RuntimeException e) {
                // e.g. a status column that holds text: a device's odd answer ends as an outcome, not an exception
                return CheckOutcome.fail(kind, session.shownTarget, CheckReason.PROTOCOL_ERROR, "unexpected answer", millisSince(start));
            }
        } catch (AddressGuard.RefusedTarget e) {
            return CheckOutcome.fail(kind, shown, CheckReason.TARGET_REFUSED, e.getMessage(), 0);
        } catch (SnmpFailure e) {
            return CheckOutcome.fail(kind, shown, e.reason, e.getMessage(), millisSince(start));
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        try {
            snmp.close();
        } catch (IOException e) {
            // the UDP socket is ours alone; nothing more to release
        }
    }

}
