package com.aftercare.asset;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Customer units, their sites and devices (RP-3) for administrators: ADMIN changes, SUPERVISOR reads (SecurityConfig
 * gates /api/admin/** the same way). Nothing is deleted: units are switched off, devices retired.
 */
@RestController
class AssetAdminController {

    private final AssetArchive archive;
    private final AssetService assets;
    private final CreateCustomer createCustomer;
    private final RenameCustomer renameCustomer;
    private final DisableCustomer disableCustomer;
    private final EditSite editSite;
    private final EditDevice editDevice;
    private final RetireDevice retireDevice;
    private final DescribeSiteEnvironment describeEnvironment;

    AssetAdminController(AssetArchive archive, AssetService assets, CreateCustomer createCustomer, RenameCustomer renameCustomer,
            DisableCustomer disableCustomer, EditSite editSite, EditDevice editDevice, RetireDevice retireDevice,
            DescribeSiteEnvironment describeEnvironment) {
        this.describeEnvironment = describeEnvironment;
        this.archive = archive;
        this.assets = assets;
        this.createCustomer = createCustomer;
        this.renameCustomer = renameCustomer;
        this.disableCustomer = disableCustomer;
        this.editSite = editSite;
        this.editDevice = editDevice;
        this.retireDevice = retireDevice;
    }

    @Schema(name = "AdminCustomerView")
    record CustomerView(Long id, String name, boolean active) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.getId(), c.getName(), c.isActive());
        }
    }

    @Schema(name = "AdminSiteView")
    record SiteView(Long id, Long customerId, String name, String address, Region region, String contactName,
            String contactPhone, /** null: nothing recorded yet */ DescribeSiteEnvironment.Environment environment) {
        static SiteView of(Site s) {
            return new SiteView(s.getId(), s.getCustomer().getId(), s.getName(), s.getAddress(), s.getRegion(), s.getContactName(),
                    s.getContactPhone(), DescribeSiteEnvironment.Environment.of(s));
        }
    }

    @Schema(name = "AdminDeviceView")
    record DeviceView(Long id, Long siteId, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, boolean probeTlsInsecure, boolean retired,
            DeviceProbeView probe, LocalDate commissionedOn, String location, LocalDate retiredOn, String softwareVersion,
            LocalDate purchasedOn) {
        static DeviceView of(Device d) {
            return new DeviceView(d.getId(), d.getSite().getId(), d.getType(), d.getName(), d.getModel(), d.getSerialNumber(),
                    d.getIpAddress(), d.getWarrantyEnd(), d.getProbeTcpPorts(), d.getProbeHttpUrl(), d.isProbeTlsInsecure(),
                    d.isRetired(), DeviceProbeView.of(d), d.getCommissionedOn(), d.getLocation(), d.getRetiredOn(),
                    d.getSoftwareVersion(), d.getPurchasedOn());
        }
    }

    @GetMapping("/api/admin/customers")
    List<CustomerView> customers() {
        return archive.customers().stream().map(CustomerView::of).toList();
    }

    @PostMapping("/api/admin/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    CustomerView createCustomer(@Valid @RequestBody CreateCustomer.Command command) {
        return CustomerView.of(createCustomer.create(command));
    }

    @PutMapping("/api/admin/customers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CustomerView renameCustomer(@PathVariable Long id, @Valid @RequestBody CreateCustomer.Command command) {
        return CustomerView.of(renameCustomer.rename(id, command));
    }

    @PostMapping("/api/admin/customers/{id}/disable")
    @PreAuthorize("hasRole('ADMIN')")
    CustomerView disableCustomer(@PathVariable Long id) {
        return CustomerView.of(disableCustomer.disable(id));
    }

    @PostMapping("/api/admin/customers/{id}/enable")
    @PreAuthorize("hasRole('ADMIN')")
    CustomerView enableCustomer(@PathVariable Long id) {
        return CustomerView.of(disableCustomer.enable(id));
    }

    @GetMapping("/api/admin/sites")
    List<SiteView> sites(@RequestParam(required = false) Long customerId) {
        return archive.sites(customerId).stream().map(SiteView::of).toList();
    }

    @PostMapping("/api/admin/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    SiteView createSite(@Valid @RequestBody NewSite site) {
        return SiteView.of(assets.createSite(site));
    }

    @PutMapping("/api/admin/sites/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    SiteView editSite(@PathVariable Long id, @Valid @RequestBody EditSite.Command command) {
        return SiteView.of(editSite.edit(id, command));
    }

    /** The site's environment as a whole: a field sent blank or left out is cleared. */
    @PutMapping("/api/admin/sites/{id}/environment")
    @PreAuthorize("hasRole('ADMIN')")
    SiteView describeEnvironment(@PathVariable Long id, @Valid @RequestBody DescribeSiteEnvironment.Environment environment) {
        return SiteView.of(describeEnvironment.describe(id, environment));
    }

    @GetMapping("/api/admin/devices")
    List<DeviceView> devices(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long siteId) {
        return archive.devices(customerId, siteId).stream().map(DeviceView::of).toList();
    }

    @PostMapping("/api/admin/devices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    DeviceView createDevice(@Valid @RequestBody NewDevice device) {
        return DeviceView.of(assets.createDevice(device));
    }

    @PutMapping("/api/admin/devices/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    DeviceView editDevice(@PathVariable Long id, @Valid @RequestBody NewDevice device) {
        return DeviceView.of(editDevice.edit(id, device));
    }

    @PostMapping("/api/admin/devices/{id}/retire")
    @PreAuthorize("hasRole('ADMIN')")
    DeviceView retireDevice(@PathVariable Long id) {
        return DeviceView.of(retireDevice.retire(id));
    }

    @PostMapping("/api/admin/devices/{id}/reinstate")
    @PreAuthorize("hasRole('ADMIN')")
    DeviceView reinstateDevice(@PathVariable Long id) {
        return DeviceView.of(retireDevice.reinstate(id));
    }
}
