package com.aftercare.asset;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole asset archive as administrators see it: every unit, site and device, switched-off and retired ones too. */
@Service
public class AssetArchive {

    private final CustomerRepository customers;
    private final SiteRepository sites;
    private final DeviceRepository devices;

    AssetArchive(CustomerRepository customers, SiteRepository sites, DeviceRepository devices) {
        this.customers = customers;
        this.sites = sites;
        this.devices = devices;
    }

    @Transactional(readOnly = true)
    public List<Customer> customers() {
        return customers.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Site> sites(Long customerId) {
        return sites.findAllByOrderByName().stream().filter(s -> customerId == null || customerId.equals(s.getCustomer().getId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Device> devices(Long customerId, Long siteId) {
        return devices.findForAdministration(customerId, siteId);
    }
}
