package com.aftercare.asset;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/**
 * An administrator corrects a device's record: site, type, name, model, serial number, warranty, commissioning day
 * (投入使用日期), installed location (安装位置), software version and purchase day (软件版本, 采购日期) and how it is probed.
 * The probe target goes through {@link AssetService#changeProbe}, so every check on probe targets applies here as it
 * does to the desk's correction. Takes the same validated fields as creating one ({@link NewDevice}).
 */
@Service
public class EditDevice {

    private final AssetService assets;
    private final DeviceRepository devices;

    private final Clock clock;

    EditDevice(AssetService assets, DeviceRepository devices, Clock clock) {
        this.clock = clock;
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
        AssetService.checkCommissioning(d.commissionedOn(), LocalDate.now(clock));
        AssetService.checkPurchase(d.purchasedOn(), LocalDate.now(clock));
        assets.changeProbe(id, d.ipAddress(), d.probeTcpPorts(), d.probeHttpUrl());
        device.describe(site, d.type(), d.name().trim(), d.model() == null || d.model().isBlank() ? null : d.model().trim(),
                serial, d.warrantyEnd(), Boolean.TRUE.equals(d.probeTlsInsecure()));
        device.commission(d.commissionedOn());
        if (d.location() != null) {
            device.locate(d.location());
        }
        // null keeps what is recorded: a client from before the archive kept these does not wipe them
        device.recordVersionAndPurchase(d.softwareVersion() != null ? d.softwareVersion() : device.getSoftwareVersion(),
                d.purchasedOn() != null ? d.purchasedOn() : device.getPurchasedOn());
        if (d.probe() != null) {
            assets.configureProbe(device, site, d.probe());
        }
        return device;
    }
}
