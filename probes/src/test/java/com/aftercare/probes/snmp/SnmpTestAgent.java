package com.aftercare.probes.snmp;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

import org.snmp4j.TransportMapping;
import org.snmp4j.agent.BaseAgent;
import org.snmp4j.agent.CommandProcessor;
import org.snmp4j.agent.DuplicateRegistrationException;
import org.snmp4j.agent.mo.DefaultMOTable;
import org.snmp4j.agent.mo.DefaultMOTableRow;
import org.snmp4j.agent.mo.MOAccessImpl;
import org.snmp4j.agent.mo.MOColumn;
import org.snmp4j.agent.mo.MOTableIndex;
import org.snmp4j.agent.mo.MOTableSubIndex;
import org.snmp4j.agent.mo.MOScalar;
import org.snmp4j.agent.mo.snmp.RowStatus;
import org.snmp4j.agent.mo.snmp.SnmpCommunityMIB;
import org.snmp4j.agent.mo.snmp.SnmpNotificationMIB;
import org.snmp4j.agent.mo.snmp.SnmpTargetMIB;
import org.snmp4j.agent.mo.snmp.StorageType;
import org.snmp4j.agent.mo.snmp.VacmMIB;
import org.snmp4j.agent.security.MutableVACM;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A real SNMP agent (SNMP4J-Agent) on a random loopback UDP port, the peer of the SNMP checks' tests:
 * the system MIB (sysUpTime) comes with the agent; IF-MIB cells and UPS-MIB scalars are registered by the
 * test. Community "public" (v2c) and USM users shaaes (SHA/AES128), sha256aes (SHA-256/AES256),
 * md5des (MD5/DES) and authonly (SHA, no privacy) read everything.
 */
public final class SnmpTestAgent extends BaseAgent {

    public static final String COMMUNITY = "public";
    public static final String AUTH_PASSWORD = "auth-pass-1234";
    public static final String PRIV_PASSWORD = "priv-pass-5678";

    private final int port;
    private final Map<OID, MOScalar<Variable>> objects = new HashMap<>();

    private SnmpTestAgent(File dir, int port) {
        super(new File(dir, "boots"), new File(dir, "agent.cfg"), new CommandProcessor(new OctetString(MPv3.createLocalEngineID())));
        this.port = port;
    }

    public static SnmpTestAgent start(File dir) throws IOException {
        // MD5 and DES are what older devices offer; the agent must know them to prove the client speaks them
        SecurityProtocols.getInstance().addPredefinedProtocolSet(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        // Net-SNMP, the agent inside most switches and UPS cards, reports authentication failures at
        // noAuthNoPriv (RFC 3414 3.2: it cannot authenticate to a user whose keys it just rejected);
        // SNMP4J-Agent's own default would answer at the request's level, which the wrong key cannot read
        org.snmp4j.SNMP4JSettings.setReportSecurityLevelStrategy(org.snmp4j.SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SnmpTestAgent agent = new SnmpTestAgent(dir, port);
        agent.init();
        agent.finishInit();
        agent.run();
        return agent;
    }

    public int port() {
        return port;
    }

    /** Sets (registering on first use) one scalar instance, e.g. upsBatteryStatus.0 = 2. */
    public synchronized void set(OID oid, Variable value) {
        MOScalar<Variable> existing = objects.get(oid);
        if (existing != null) {
            existing.setValue(value);
            return;
        }
        MOScalar<Variable> scalar = new MOScalar<>(oid, MOAccessImpl.ACCESS_READ_ONLY, value);
        try {
            server.register(scalar, null);
        } catch (DuplicateRegistrationException e) {
            throw new IllegalStateException(e);
        }
        objects.put(oid, scalar);
    }

    private DefaultMOTable ifTable;

    /**
     * One row of IF-MIB's ifTable (1.3.6.1.2.1.2.2.1) with the columns the check reads: ifDescr (2),
     * ifAdminStatus (7) and ifOperStatus (8); statuses as the MIB numbers them (1 up, 2 down).
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public synchronized void ifRow(int ifIndex, String descr, int adminStatus, int operStatus) {
        if (ifTable == null) {
            MOColumn[] columns = { new MOColumn(2, SMIConstants.SYNTAX_OCTET_STRING, MOAccessImpl.ACCESS_READ_ONLY),
                    new MOColumn(7, SMIConstants.SYNTAX_INTEGER, MOAccessImpl.ACCESS_READ_ONLY),
                    new MOColumn(8, SMIConstants.SYNTAX_INTEGER, MOAccessImpl.ACCESS_READ_ONLY) };
            ifTable = new DefaultMOTable(new OID("1.3.6.1.2.1.2.2.1"),
                    new MOTableIndex(new MOTableSubIndex[] { new MOTableSubIndex(SMIConstants.SYNTAX_INTEGER) }, false), columns);
            try {
                server.register(ifTable, null);
            } catch (DuplicateRegistrationException e) {
                throw new IllegalStateException(e);
            }
        }
        ifTable.removeRow(new OID(new int[] { ifIndex }));
        ifTable.addRow(new DefaultMOTableRow(new OID(new int[] { ifIndex }),
                new Variable[] { new OctetString(descr), new Integer32(adminStatus), new Integer32(operStatus) }));
    }

    public void setInt(String oid, int value) {
        set(new OID(oid), new Integer32(value));
    }

    @Override
    protected void initTransportMappings() throws IOException {
        transportMappings = new TransportMapping<?>[] { new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getLoopbackAddress(), port)) };
    }

    @Override
    protected void registerManagedObjects() {
        // the test registers its objects with set(); sysUpTime comes with the agent's SNMPv2-MIB
    }

    @Override
    protected void unregisterManagedObjects() {
        objects.values().forEach(o -> server.unregister(o, null));
    }

    @Override
    protected void addUsmUser(USM usm) {
        user(usm, "shaaes", AuthSHA.ID, PrivAES128.ID);
        user(usm, "sha256aes", AuthHMAC192SHA256.ID, PrivAES256.ID);
        user(usm, "md5des", AuthMD5.ID, PrivDES.ID);
        user(usm, "authonly", AuthSHA.ID, null);
    }

    private static void user(USM usm, String name, OID auth, OID priv) {
        UsmUser user = new UsmUser(new OctetString(name), auth, new OctetString(AUTH_PASSWORD), priv,
                priv == null ? null : new OctetString(PRIV_PASSWORD));
        usm.addUser(user.getSecurityName(), usm.getLocalEngineID(), user);
    }

    @Override
    protected void addNotificationTargets(SnmpTargetMIB targetMIB, SnmpNotificationMIB notificationMIB) {
        // the checks only read; no traps
    }

    @Override
    protected void addViews(VacmMIB vacm) {
        vacm.addGroup(SecurityModel.SECURITY_MODEL_SNMPv2c, new OctetString("cpublic"), new OctetString("readers"), StorageType.nonVolatile);
        for (String user : new String[] { "shaaes", "sha256aes", "md5des", "authonly" }) {
            vacm.addGroup(SecurityModel.SECURITY_MODEL_USM, new OctetString(user), new OctetString("readers"), StorageType.nonVolatile);
        }
        vacm.addAccess(new OctetString("readers"), new OctetString(), SecurityModel.SECURITY_MODEL_ANY, SecurityLevel.NOAUTH_NOPRIV,
                MutableVACM.VACM_MATCH_PREFIX, new OctetString("all"), new OctetString(), new OctetString(), StorageType.nonVolatile);
        vacm.addViewTreeFamily(new OctetString("all"), new OID("1.3"), new OctetString(), VacmMIB.vacmViewIncluded, StorageType.nonVolatile);
    }

    @Override
    protected void addCommunities(SnmpCommunityMIB communityMIB) {
        Variable[] row = {
                new OctetString(COMMUNITY), // community
                new OctetString("cpublic"), // security name
                getAgent().getContextEngineID(),
                new OctetString(), // default context
                new OctetString(), // transport tag
                new Integer32(StorageType.nonVolatile),
                new Integer32(RowStatus.active) };
        communityMIB.getSnmpCommunityEntry().addRow(
                communityMIB.getSnmpCommunityEntry().createRow(new OctetString("public2public").toSubIndex(true), row));
    }
}
