package com.aftercare.asset;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
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
 * to on its IP address and an HTTP(S) URL that must answer.
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
    /** Taken out of service: no longer offered for new fault reports, kept for the tickets that name it. */
    private boolean retired;

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
    public String getIpAddress() { return ipAddress; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public String getProbeTcpPorts() { return probeTcpPorts; }
    public String getProbeHttpUrl() { return probeHttpUrl; }
    public boolean isProbeTlsInsecure() { return probeTlsInsecure; }
    public boolean isRetired() { return retired; }

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

    void retire(boolean retired) {
        this.retired = retired;
    }
}
