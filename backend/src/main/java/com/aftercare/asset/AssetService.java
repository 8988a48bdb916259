package com.aftercare.asset;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/** Customers, sites and devices: the asset archive (RP-3) that tickets point at. */
@Service
public class AssetService {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final DeviceRepository devices;

    AssetService(CustomerRepository customers, SiteRepository sites, DeviceRepository devices) {
        this.customers = customers;
        this.sites = sites;
        this.devices = devices;
    }

    @Transactional(readOnly = true)
    public List<Customer> customers() {
        return customers.findAll();
    }

    @Transactional(readOnly = true)
    public List<Site> sites() {
        return sites.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Device> devices(Long siteId, String text) {
        String q = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return devices.search(siteId, q);
    }

    /** The site of a request, or a 400 naming the field: the caller sent an id that does not exist. */
    @Transactional(readOnly = true)
    public Site requireSite(Long siteId, String field) {
        return sites.findById(siteId).orElseThrow(() -> new BadRequestException(field, "unknown site " + siteId));
    }

    @Transactional(readOnly = true)
    public Device requireDevice(Long deviceId, String field) {
        return devices.findById(deviceId).orElseThrow(() -> new BadRequestException(field, "unknown device " + deviceId));
    }

    @Transactional(readOnly = true)
    public Device device(Long deviceId) {
        return devices.findById(deviceId).orElseThrow(() -> new NotFoundException("No device " + deviceId));
    }

    @Transactional
    public Customer createCustomer(String name) {
        return customers.findByName(name).orElseGet(() -> customers.save(new Customer(name)));
    }

    @Transactional
    public Site createSite(NewSite s) {
        Customer customer = customers.findById(s.customerId())
                .orElseThrow(() -> new BadRequestException("customerId", "unknown customer " + s.customerId()));
        return sites.save(new Site(customer, s.name().trim(), s.address().trim(), s.region(), s.contactName(), s.contactPhone()));
    }

    @Transactional
    public Device createDevice(NewDevice d) {
        Site site = requireSite(d.siteId(), "siteId");
        if (devices.existsBySerialNumber(d.serialNumber().trim())) {
            throw new BadRequestException("serialNumber", "a device with serial number " + d.serialNumber() + " exists already");
        }
        validateProbe(d.probeTcpPorts(), d.probeHttpUrl());
        return devices.save(new Device(site, d.type(), d.name().trim(), d.model(), d.serialNumber().trim(), d.ipAddress(),
                d.warrantyEnd(), d.probeTcpPorts(), d.probeHttpUrl(), Boolean.TRUE.equals(d.probeTlsInsecure())));
    }

    @Transactional
    public Device changeProbe(Long deviceId, String ipAddress, String tcpPorts, String httpUrl) {
        validateProbe(tcpPorts, httpUrl);
        Device device = device(deviceId);
        device.changeProbe(ipAddress, tcpPorts, httpUrl);
        return device;
    }

    private static void validateProbe(String tcpPorts, String httpUrl) {
        if (tcpPorts != null && !tcpPorts.isBlank()) {
            for (String p : tcpPorts.split(",")) {
                int port;
                try {
                    port = Integer.parseInt(p.trim());
                } catch (NumberFormatException e) {
                    throw new BadRequestException("probeTcpPorts", "'" + p.trim() + "' is not a port number");
                }
                if (port < 1 || port > 65535) {
                    throw new BadRequestException("probeTcpPorts", port + " is outside 1-65535");
                }
            }
        }
        if (httpUrl != null && !httpUrl.isBlank()) {
            try {
                URI uri = URI.create(httpUrl.trim());
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                    throw new BadRequestException("probeHttpUrl", "must be an http:// or https:// URL with a host");
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("probeHttpUrl", "not a valid URL");
            }
        }
    }
}
