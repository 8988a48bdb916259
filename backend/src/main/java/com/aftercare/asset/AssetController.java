package com.aftercare.asset;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;

import com.aftercare.identity.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssetController {

    private final AssetService assets;

    AssetController(AssetService assets) {
        this.assets = assets;
    }

    record CustomerView(Long id, String name) {
    }

    /** probeAllowList: which non-public networks may be probed at the site; staff only (null for customers). */
    record SiteView(Long id, Long customerId, String customerName, String name, String address, Region region,
            String contactName, String contactPhone, String probeAllowList) {
        static SiteView of(Site s) {
            return new SiteView(s.getId(), s.getCustomer().getId(), s.getCustomer().getName(), s.getName(), s.getAddress(),
                    s.getRegion(), s.getContactName(), s.getContactPhone(), CurrentUser.isCustomer() ? null : s.getProbeAllowList());
        }
    }

    record ProbeAllowList(@jakarta.validation.constraints.Size(max = 1000) String probeAllowList) {
    }

    /** Which private networks or hosts the server may probe at this site: an admin's decision. */
    @PutMapping("/api/sites/{id}/probe-allow-list")
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('ADMIN')")
    SiteView allowProbes(@PathVariable Long id, @Valid @RequestBody ProbeAllowList body) {
        return SiteView.of(assets.allowProbes(id, body.probeAllowList()));
    }

    record DeviceView(Long id, Long siteId, String siteName, DeviceType type, String name, String model, String serialNumber,
            String ipAddress, LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, boolean probeTlsInsecure,
            String location) {
        static DeviceView of(Device d) {
            return new DeviceView(d.getId(), d.getSite().getId(), d.getSite().getName(), d.getType(), d.getName(), d.getModel(),
                    d.getSerialNumber(), d.getIpAddress(), d.getWarrantyEnd(), d.getProbeTcpPorts(), d.getProbeHttpUrl(),
                    d.isProbeTlsInsecure(), d.getLocation());
        }

        /** What a customer's user sees of their own device: no addresses or probe settings. */
        static DeviceView forCustomer(Device d) {
            return new DeviceView(d.getId(), d.getSite().getId(), d.getSite().getName(), d.getType(), d.getName(), d.getModel(),
                    d.getSerialNumber(), null, d.getWarrantyEnd(), null, null, false, d.getLocation());
        }
    }

    @GetMapping("/api/customers")
    List<CustomerView> customers() {
        return assets.customers().stream().map(c -> new CustomerView(c.getId(), c.getName())).toList();
    }

    @GetMapping("/api/sites")
    List<SiteView> sites() {
        return assets.sites().stream().map(SiteView::of).toList();
    }

    @PostMapping("/api/sites")
    @ResponseStatus(HttpStatus.CREATED)
    SiteView createSite(@Valid @RequestBody NewSite site) {
        return SiteView.of(assets.createSite(site));
    }

    record ProbeSettings(@jakarta.validation.constraints.Size(max = 100) String ipAddress,
            @jakarta.validation.constraints.Size(max = 200) String probeTcpPorts,
            @jakarta.validation.constraints.Size(max = 500) String probeHttpUrl) {
    }

    /** Corrects how a device is probed; the next verification of any case uses it. */
    @PutMapping("/api/devices/{id}/probe")
    DeviceView changeProbe(@PathVariable Long id, @Valid @RequestBody ProbeSettings settings) {
        return DeviceView.of(assets.changeProbe(id, settings.ipAddress(), settings.probeTcpPorts(), settings.probeHttpUrl()));
    }

    @GetMapping("/api/devices")
    List<DeviceView> devices(@RequestParam(required = false) Long siteId, @RequestParam(required = false) String q) {
        boolean customer = CurrentUser.isCustomer();
        return assets.devices(siteId, q).stream().map(d -> customer ? DeviceView.forCustomer(d) : DeviceView.of(d)).toList();
    }

    @PostMapping("/api/devices")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceView createDevice(@Valid @RequestBody NewDevice device) {
        return DeviceView.of(assets.createDevice(device));
    }
}
