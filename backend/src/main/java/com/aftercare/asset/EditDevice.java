package com.aftercare.asset;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/**
 * An administrator corrects a device's record: site, type, name, model, serial number, warranty and how it is probed.
 * The probe target goes through {@link AssetService#changeProbe}, so every check on probe targets applies here as it
 * does to the desk's correction. Takes the same validated fields as creating one ({@link NewDevice}).
 */
@Service
public class EditDevice {

    private final AssetService assets;
    private final DeviceRepository devices;

    EditDevice(AssetService assets, DeviceRepository devices) {
        this.assets = assets;
        this.devices = devices;
    }

    @Transactional
    public Device edit(Long id, NewDevice d) {
        Device device = assets.device(id);
        Site site = assets.requireSite(d.siteId(), "siteId");
        String serial = d.serialNumber().trim();
        if (devices.existsBySerialNumberAndIdNot(serial, id)) {
            throw new BadRequestException("serialNumber", "a device with serial number " + serial + " exists already");
        }
        assets.changeProbe(id, d.ipAddress(), d.probeTcpPorts(), d.probeHttpUrl());
        device.describe(site, d.type(), d.name().trim(), d.model() == null || d.model().isBlank() ? null : d.model().trim(),
                serial, d.warrantyEnd(), Boolean.TRUE.equals(d.probeTlsInsecure()));
        if (d.probe() != null) {
            assets.configureProbe(device, site, d.probe());
        }
        return device;
    }
}
