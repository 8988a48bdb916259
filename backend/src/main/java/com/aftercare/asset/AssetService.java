package com.aftercare.asset;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.outbound.AllowList;
import com.aftercare.outbound.OutboundTargets;

/** Customers, sites and devices: the asset archive (RP-3) that tickets point at. */
@Service
public class AssetService {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final DeviceRepository devices;
    private final OutboundTargets outbound;
    private final Clock clock;

    AssetService(CustomerRepository customers, SiteRepository sites, DeviceRepository devices, OutboundTargets outbound, Clock clock) {
        this.clock = clock;
        this.customers = customers;
        this.sites = sites;
        this.devices = devices;
        this.outbound = outbound;
    }

    /** Every customer unit, or only the signed-in customer's own. */
    @Transactional(readOnly = true)
    public List<Customer> customers() {
        Long scope = CurrentUser.scopeCustomerId();
        return customers.findAll().stream().filter(c -> scope == null || scope.equals(c.getId())).toList();
    }

    /** A customer unit's name; null if there is no unit with this id. */
    @Transactional(readOnly = true)
    public String customerName(Long customerId) {
        return customers.findById(customerId).map(Customer::getName).orElse(null);
    }

    /** Every site, or only the signed-in customer's own. */
    @Transactional(readOnly = true)
    public List<Site> sites() {
        Long scope = CurrentUser.scopeCustomerId();
        return sites.findAllByOrderByName().stream().filter(s -> scope == null || scope.equals(s.getCustomer().getId())).toList();
    }

    /** Devices by site and text; a customer sees only their own, and another unit's site is "not found". */
    @Transactional(readOnly = true)
    public List<Device> devices(Long siteId, String text) {
        Long scope = CurrentUser.scopeCustomerId();
        if (scope != null && siteId != null) {
            visibleSite(siteId);
        }
        String q = text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return devices.search(scope, siteId, q);
    }

    /** A site the signed-in user may see: any for staff, their own unit's for a customer (404 otherwise). */
    @Transactional(readOnly = true)
    public Site visibleSite(Long siteId) {
        Long scope = CurrentUser.scopeCustomerId();
        return sites.findById(siteId).filter(s -> scope == null || scope.equals(s.getCustomer().getId()))
                .orElseThrow(() -> new NotFoundException("No site " + siteId));
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
        return devices.findWithSite(deviceId).orElseThrow(() -> new NotFoundException("No device " + deviceId));
    }

    /** Devices by id with their sites, in one query (a checklist of 200 devices is not 200 reads); unknown ids are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Device> devicesById(java.util.Collection<Long> deviceIds) {
        java.util.Map<Long, Device> found = new java.util.HashMap<>();
        if (!deviceIds.isEmpty()) {
            devices.findAllWithSite(deviceIds).forEach(d -> found.put(d.getId(), d));
        }
        return found;
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
        String ip = trimToNull(d.ipAddress());
        String ports = trimToNull(d.probeTcpPorts());
        String url = trimToNull(d.probeHttpUrl());
        validateProbe(ip, ports, url);
        checkProbeTargets(site, ip, ports, url);
        checkCommissioning(d.commissionedOn(), LocalDate.now(clock));
        checkPurchase(d.purchasedOn(), LocalDate.now(clock));
        Device device = new Device(site, d.type(), d.name().trim(), d.model(), d.serialNumber().trim(), ip,
                d.warrantyEnd(), ports, url, Boolean.TRUE.equals(d.probeTlsInsecure()));
        device.commission(d.commissionedOn());
        device.locate(d.location());
        device.recordVersionAndPurchase(d.softwareVersion(), d.purchasedOn());
        device = devices.save(device);
        if (d.probe() != null) {
            configureProbe(device, site, d.probe());
        }
        return device;
    }

    /** The earliest commissioning day accepted: older is a typing slip, not a device still in service. */
    static final LocalDate EARLIEST_COMMISSIONING = LocalDate.of(2000, 1, 1);

    /** A commissioning day is a day that has come (the device was put into service), from 2000 on. 400 names it. */
    static void checkCommissioning(LocalDate day, LocalDate today) {
        if (day == null) {
            return;
        }
        if (day.isAfter(today)) {
            throw new BadRequestException("commissionedOn", "must not be after today (" + today + "): it is the day the device was put into service");
        }
        if (day.isBefore(EARLIEST_COMMISSIONING)) {
            throw new BadRequestException("commissionedOn", "must be " + EARLIEST_COMMISSIONING + " or later");
        }
    }

    /** A purchase day is a day that has come, from 1990 on (older is a typing slip for equipment still kept). 400 names it. */
    static void checkPurchase(LocalDate day, LocalDate today) {
        if (day == null) {
            return;
        }
        if (day.isAfter(today)) {
            throw new BadRequestException("purchasedOn", "must not be after today (" + today + "): it is the day the device was bought");
        }
        if (day.isBefore(LocalDate.of(1990, 1, 1))) {
            throw new BadRequestException("purchasedOn", "must be 1990-01-01 or later");
        }
    }

    /** The protocol checks' settings (issue 14), each a 400 naming the field ("probe.rtspUrl") when unusable. */
    void configureProbe(Device device, Site site, DeviceProbeSettings p) {
        AllowList networks = AllowList.of(site.getProbeAllowList());
        String rtsp = trimToNull(p.rtspUrl());
        if (rtsp != null) {
            checkRtspUrl(rtsp, networks);
        }
        String onvif = trimToNull(p.onvifUrl());
        if (onvif != null) {
            checkHttpTarget("probe.onvifUrl", onvif, networks);
        }
        String isapi = trimToNull(p.isapiUrl());
        if (isapi != null) {
            checkHttpTarget("probe.isapiUrl", isapi, networks);
        }
        String version = trimToNull(p.snmpVersion());
        if (version != null && !version.equals("2c") && !version.equals("3")) {
            throw new BadRequestException("probe.snmpVersion", "must be 2c or 3");
        }
        String auth = upperOrNull(p.snmpAuthProtocol());
        if (auth != null && !AUTH_PROTOCOLS.contains(auth)) {
            throw new BadRequestException("probe.snmpAuthProtocol", "must be one of " + AUTH_PROTOCOLS);
        }
        String priv = upperOrNull(p.snmpPrivProtocol());
        if (priv != null && !PRIV_PROTOCOLS.contains(priv)) {
            throw new BadRequestException("probe.snmpPrivProtocol", "must be one of " + PRIV_PROTOCOLS);
        }
        if (priv != null && auth == null) {
            throw new BadRequestException("probe.snmpPrivProtocol", "privacy needs an authentication protocol (SNMPv3 authPriv)");
        }
        if (version != null && device.getIpAddress() != null) {
            int port = p.snmpPort() == null ? 161 : p.snmpPort();
            outbound.checkProbeHost("ipAddress", device.getIpAddress(), List.of(port), networks);
        }
        Device recorder = null;
        if (p.recorderId() != null) {
            recorder = devices.findWithSite(p.recorderId())
                    .orElseThrow(() -> new BadRequestException("probe.recorderId", "unknown device " + p.recorderId()));
            if (recorder.getType() != DeviceType.NVR) {
                throw new BadRequestException("probe.recorderId", "must be an NVR");
            }
            if (!recorder.getSite().getId().equals(site.getId())) {
                throw new BadRequestException("probe.recorderId", "must be on the same site as the device");
            }
            if (recorder.getId().equals(device.getId())) {
                throw new BadRequestException("probe.recorderId", "a device cannot record itself");
            }
        }
        if (p.channel() != null && recorder == null) {
            throw new BadRequestException("probe.channel", "needs the recorder the channel is on (recorderId)");
        }
        device.configureProbe(rtsp, onvif, isapi, trimToNull(p.username()), version,
                version == null ? null : p.snmpPort() == null ? Integer.valueOf(161) : p.snmpPort(), trimToNull(p.snmpUser()), auth, priv,
                recorder, p.channel(), Boolean.TRUE.equals(p.ptz()));
        device.changeSecrets(secret(p.password(), p.clearPassword()), secret(p.snmpCommunity(), p.clearSnmpCommunity()),
                secret(p.snmpAuthPassword(), p.clearSnmpAuthPassword()), secret(p.snmpPrivPassword(), p.clearSnmpPrivPassword()));
    }

    static final List<String> AUTH_PROTOCOLS = List.of("SHA", "SHA256", "MD5");
    static final List<String> PRIV_PROTOCOLS = List.of("AES", "AES256", "DES");

    private static Device.Secret secret(String value, Boolean clear) {
        return new Device.Secret(value, Boolean.TRUE.equals(clear));
    }

    private static String upperOrNull(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    /** rtsp(s)://host[:port]/path without user:password (credentials are the device account's, stored encrypted). */
    private void checkRtspUrl(String url, AllowList networks) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new BadRequestException("probe.rtspUrl", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
            throw new BadRequestException("probe.rtspUrl", "must be an rtsp:// or rtsps:// URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new BadRequestException("probe.rtspUrl", "must not contain a user name or password (set them as the device account)");
        }
        if (uri.getHost() == null) {
            throw new BadRequestException("probe.rtspUrl", "must have a host");
        }
        outbound.checkProbeHost("probe.rtspUrl", uri.getHost(), List.of(uri.getPort() >= 0 ? uri.getPort() : 554), networks);
    }

    private void checkHttpTarget(String field, String url, AllowList networks) {
        String problem = com.aftercare.outbound.TargetRule.urlProblem(url);
        if (problem != null) {
            throw new BadRequestException(field, problem);
        }
        URI uri = URI.create(url);
        outbound.checkProbeHost(field, uri.getHost(), List.of(OutboundTargets.port(uri)), networks);
    }

    /** Re-points the probe (a wrong address, a device replaced by the vendor) so a case is never stuck on it. */
    @Transactional
    public Device changeProbe(Long deviceId, String ipAddress, String tcpPorts, String httpUrl) {
        String ip = trimToNull(ipAddress);
        String ports = trimToNull(tcpPorts);
        String url = trimToNull(httpUrl);
        validateProbe(ip, ports, url);
        Device device = device(deviceId);
        checkProbeTargets(device.getSite(), ip, ports, url);
        device.changeProbe(ip, ports, url);
        return device;
    }

    /**
     * Re-points a recorder's ISAPI address only (the demo recorders follow the server's port, ADR 0042); checked by
     * the site's probe rule like any probe address, credentials and the other settings unchanged.
     */
    @Transactional
    public Device repointIsapi(Long deviceId, String isapiUrl) {
        Device device = device(deviceId);
        String url = trimToNull(isapiUrl);
        if (url != null) {
            checkHttpTarget("probe.isapiUrl", url, AllowList.of(device.getSite().getProbeAllowList()));
        }
        device.repointIsapi(url);
        return device;
    }

    /**
     * Sets which non-public networks or hosts may be probed at a site (e.g. "10.20.0.0/16"); blank
     * removes the exception. Devices already pointing elsewhere are refused when probed.
     */
    @Transactional
    public Site allowProbes(Long siteId, String allowList) {
        AllowList.parse("probeAllowList", allowList);
        Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("No site " + siteId));
        site.allowProbes(trimToNull(allowList));
        site.getCustomer().getName(); // loaded here: the answer names the customer after the transaction
        return site;
    }

    /** The probe rule (site networks, ADR 0031) for the device's address and probe URL; 400 naming the field. */
    private void checkProbeTargets(Site site, String ip, String ports, String url) {
        AllowList allowList = AllowList.of(site.getProbeAllowList());
        if (ip != null) {
            List<Integer> portList = ports == null ? List.of()
                    : java.util.Arrays.stream(ports.split(",")).map(String::trim).map(Integer::valueOf).toList();
            outbound.checkProbeHost("ipAddress", ip, portList, allowList);
        }
        if (url != null) {
            checkHttpTarget("probeHttpUrl", url, allowList);
        }
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.:\\-]{1,100}");
    private static final int MAX_PORTS = 10;

    private static void validateProbe(String ipAddress, String tcpPorts, String httpUrl) {
        if (ipAddress != null && !HOST.matcher(ipAddress).matches()) {
            throw new BadRequestException("ipAddress", "must be an IP address or host name");
        }
        if (tcpPorts != null) {
            if (ipAddress == null) {
                throw new BadRequestException("ipAddress", "is needed to probe TCP ports");
            }
            String[] parts = tcpPorts.split(",");
            if (parts.length > MAX_PORTS) {
                throw new BadRequestException("probeTcpPorts", "at most " + MAX_PORTS + " ports");
            }
            for (String p : parts) {
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
        if (httpUrl != null) {
            try {
                URI uri = URI.create(httpUrl);
                if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
                    throw new BadRequestException("probeHttpUrl", "must be an http:// or https:// URL with a host");
                }
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("probeHttpUrl", "not a valid URL");
            }
        }
    }
}
