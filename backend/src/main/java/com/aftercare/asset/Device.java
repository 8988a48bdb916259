package com.aftercare.asset;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * An installed device. The probe settings say how verification reaches it: TCP ports to connect
 * to on its IP address, an HTTP(S) URL that must answer, and (issue 14) the stream, ONVIF and ISAPI
 * addresses, the device account, SNMP, and for a camera the recorder and channel that keep its
 * recordings. Passwords and the SNMP community are held in clear here and stored as SecretBox
 * ciphertext (SecretConverter); no API returns them, only whether one is set.
 */
@Entity
public class Device {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "site_id")
    private Site site;
    @Enumerated(EnumType.STRING)
    private DeviceType type;
    private String name;
    private String model;
    @Column(name = "serial_number")
    private String serialNumber;
    /** Where on its site the device is installed ("东门立杆"), as last verified on site (PM-5). */
    private String location;
    @Column(name = "ip_address")
    private String ipAddress;
    @Column(name = "warranty_end")
    private LocalDate warrantyEnd;
    @Column(name = "probe_tcp_ports")
    private String probeTcpPorts;
    @Column(name = "probe_http_url")
    private String probeHttpUrl;
    @Column(name = "probe_tls_insecure")
    private boolean probeTlsInsecure;
    @Column(name = "probe_rtsp_url")
    private String probeRtspUrl;
    @Column(name = "probe_onvif_url")
    private String probeOnvifUrl;
    @Column(name = "probe_isapi_url")
    private String probeIsapiUrl;
    @Column(name = "probe_username")
    private String probeUsername;
    @Column(name = "probe_password")
    @Convert(converter = com.aftercare.secrets.SecretConverter.class)
    private String probePassword;
    @Column(name = "probe_snmp_version")
    private String snmpVersion;
    @Column(name = "probe_snmp_port")
    private Integer snmpPort;
    @Column(name = "probe_snmp_community")
    @Convert(converter = com.aftercare.secrets.SecretConverter.class)
    private String snmpCommunity;
    @Column(name = "probe_snmp_user")
    private String snmpUser;
    @Column(name = "probe_snmp_auth_protocol")
    private String snmpAuthProtocol;
    @Column(name = "probe_snmp_auth_password")
    @Convert(converter = com.aftercare.secrets.SecretConverter.class)
    private String snmpAuthPassword;
    @Column(name = "probe_snmp_priv_protocol")
    private String snmpPrivProtocol;
    @Column(name = "probe_snmp_priv_password")
    @Convert(converter = com.aftercare.secrets.SecretConverter.class)
    private String snmpPrivPassword;
    /** A camera's recorder: the NVR on the same site whose disks keep its recordings (checked there, VC-3). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recorder_id")
    private Device recorder;
    @Column(name = "recorder_channel")
    private Integer recorderChannel;
    /** A pan-tilt-zoom camera: its policy may ask for a PTZ move (VC-3). */
    private boolean ptz;
    /** Taken out of service: no longer offered for new fault reports, kept for the tickets that name it. */
    private boolean retired;
    /** The day it was taken out of service (the KPIs count it until then); null while in service, or retired before V80. */
    @Column(name = "retired_on")
    private LocalDate retiredOn;
    /** Put into service (投入使用/验收) on this day; null: before any month the KPIs look at. */
    @Column(name = "commissioned_on")
    private LocalDate commissionedOn;
    /** 软件版本: the software or firmware version the device runs (RP-3), what a vendor asks for first. */
    @Column(name = "software_version")
    private String softwareVersion;
    /** 采购日期: the day the device was bought (RP-3). */
    @Column(name = "purchased_on")
    private LocalDate purchasedOn;

    protected Device() {
    }

    public Device(Site site, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, boolean probeTlsInsecure) {
        this.site = site;
        this.type = type;
        this.name = name;
        this.model = model;
        this.serialNumber = serialNumber;
        this.ipAddress = ipAddress;
        this.warrantyEnd = warrantyEnd;
        this.probeTcpPorts = probeTcpPorts;
        this.probeHttpUrl = probeHttpUrl;
        this.probeTlsInsecure = probeTlsInsecure;
    }

    /** Re-points the probe, e.g. after a device moved to another address. */
    public void changeProbe(String ipAddress, String probeTcpPorts, String probeHttpUrl) {
        this.ipAddress = ipAddress;
        this.probeTcpPorts = probeTcpPorts;
        this.probeHttpUrl = probeHttpUrl;
    }

    /** A recorder's ISAPI address moved (the same recorder answering at another address); its credentials stay. */
    void repointIsapi(String isapiUrl) {
        this.probeIsapiUrl = isapiUrl;
    }

    public List<Integer> tcpPorts() {
        if (probeTcpPorts == null || probeTcpPorts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(probeTcpPorts.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public Long getId() { return id; }
    public Site getSite() { return site; }
    public DeviceType getType() { return type; }
    public String getName() { return name; }
    public String getModel() { return model; }
    public String getSerialNumber() { return serialNumber; }
    public String getLocation() { return location; }
    public String getIpAddress() { return ipAddress; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public String getProbeTcpPorts() { return probeTcpPorts; }
    public String getProbeHttpUrl() { return probeHttpUrl; }
    public boolean isProbeTlsInsecure() { return probeTlsInsecure; }
    public boolean isRetired() { return retired; }
    public LocalDate getRetiredOn() { return retiredOn; }
    public LocalDate getCommissionedOn() { return commissionedOn; }
    public String getSoftwareVersion() { return softwareVersion; }
    public LocalDate getPurchasedOn() { return purchasedOn; }
    public String getProbeRtspUrl() { return probeRtspUrl; }
    public String getProbeOnvifUrl() { return probeOnvifUrl; }
    public String getProbeIsapiUrl() { return probeIsapiUrl; }
    public String getProbeUsername() { return probeUsername; }
    /** The plain password, for building a probe job only; never put it in a view, log or result. */
    public String probePassword() { return probePassword; }
    public boolean hasProbePassword() { return probePassword != null; }
    public String getSnmpVersion() { return snmpVersion; }
    public Integer getSnmpPort() { return snmpPort; }
    /** The plain community, for building a probe job only. */
    public String snmpCommunity() { return snmpCommunity; }
    public boolean hasSnmpCommunity() { return snmpCommunity != null; }
    public String getSnmpUser() { return snmpUser; }
    public String getSnmpAuthProtocol() { return snmpAuthProtocol; }
    /** The plain SNMPv3 authentication password, for building a probe job only. */
    public String snmpAuthPassword() { return snmpAuthPassword; }
    public boolean hasSnmpAuthPassword() { return snmpAuthPassword != null; }
    public String getSnmpPrivProtocol() { return snmpPrivProtocol; }
    /** The plain SNMPv3 privacy password, for building a probe job only. */
    public String snmpPrivPassword() { return snmpPrivPassword; }
    public boolean hasSnmpPrivPassword() { return snmpPrivPassword != null; }
    public Device getRecorder() { return recorder; }
    public Integer getRecorderChannel() { return recorderChannel; }
    public boolean isPtz() { return ptz; }

    /** The addresses and switches of the protocol checks (issue 14); validated by {@link AssetService}. */
    void configureProbe(String rtspUrl, String onvifUrl, String isapiUrl, String username, String snmpVersion, Integer snmpPort,
            String snmpUser, String snmpAuthProtocol, String snmpPrivProtocol, Device recorder, Integer recorderChannel, boolean ptz) {
        this.probeRtspUrl = rtspUrl;
        this.probeOnvifUrl = onvifUrl;
        this.probeIsapiUrl = isapiUrl;
        this.probeUsername = username;
        this.snmpVersion = snmpVersion;
        this.snmpPort = snmpPort;
        this.snmpUser = snmpUser;
        this.snmpAuthProtocol = snmpAuthProtocol;
        this.snmpPrivProtocol = snmpPrivProtocol;
        this.recorder = recorder;
        this.recorderChannel = recorderChannel;
        this.ptz = ptz;
    }

    /**
     * Secrets are write-only: null keeps what is stored (the edit form cannot show it, so an empty
     * field means "unchanged"), clear removes it, anything else replaces it.
     */
    void changeSecrets(Secret password, Secret community, Secret authPassword, Secret privPassword) {
        this.probePassword = password.applyTo(probePassword);
        this.snmpCommunity = community.applyTo(snmpCommunity);
        this.snmpAuthPassword = authPassword.applyTo(snmpAuthPassword);
        this.snmpPrivPassword = privPassword.applyTo(snmpPrivPassword);
    }

    /** A write-only value as an edit sends it: keep, clear or set. */
    record Secret(String value, boolean clear) {
        static final Secret KEEP = new Secret(null, false);

        String applyTo(String stored) {
            if (clear) {
                return null;
            }
            return value == null || value.isEmpty() ? stored : value;
        }
    }

    /** What the asset archive says about the device; the probe target changes through {@link #changeProbe}. */
    void describe(Site site, DeviceType type, String name, String model, String serialNumber, LocalDate warrantyEnd,
            boolean probeTlsInsecure) {
        this.site = site;
        this.type = type;
        this.name = name;
        this.model = model;
        this.serialNumber = serialNumber;
        this.warrantyEnd = warrantyEnd;
        this.probeTlsInsecure = probeTlsInsecure;
    }

    void commission(LocalDate commissionedOn) {
        this.commissionedOn = commissionedOn;
    }

    /** The software version (blank: not known) and the purchase day as an administrator records them. */
    void recordVersionAndPurchase(String softwareVersion, LocalDate purchasedOn) {
        this.softwareVersion = softwareVersion == null || softwareVersion.isBlank() ? null : softwareVersion.trim();
        this.purchasedOn = purchasedOn;
    }

    /** Where the device is installed, as an administrator records it; null or blank: not recorded. */
    void locate(String location) {
        this.location = location == null || location.isBlank() ? null : location.trim();
    }

    /** An asset keeper's approved correction from an inspection (PM-5); null leaves a value as it is. */
    void correct(String model, String serialNumber, String location) {
        if (model != null) {
            this.model = model;
        }
        if (serialNumber != null) {
            this.serialNumber = serialNumber;
        }
        if (location != null) {
            this.location = location;
        }
    }

    /** Out of service from {@code today} on, or back in; retiring a retired device keeps its day. */
    void retire(boolean retired, LocalDate today) {
        if (retired && !this.retired) {
            this.retiredOn = today;
        } else if (!retired) {
            this.retiredOn = null;
        }
        this.retired = retired;
    }
}
