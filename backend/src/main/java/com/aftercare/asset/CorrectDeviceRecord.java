package com.aftercare.asset;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/**
 * PM-5: an asset keeper's approved correction from an inspection becomes the device's record: model, serial number,
 * installed location, IP address (through {@link AssetService#changeProbe}, so the site's probe rule applies as to any
 * address) and whether it is still in service. Null leaves a value as it is. Runs in the caller's transaction, so the
 * approval and the changed record commit together, each in the audit chain.
 */
@Service
public class CorrectDeviceRecord {

    /** What was found on site; null: as recorded. */
    public record Correction(String model, String serialNumber, String location, String ipAddress, Boolean outOfService) {
    }

    private final AssetService assets;
    private final DeviceRepository devices;
    private final Clock clock;

    CorrectDeviceRecord(AssetService assets, DeviceRepository devices, Clock clock) {
        this.assets = assets;
        this.devices = devices;
        this.clock = clock;
    }

    @Transactional
    public Device correct(long deviceId, Correction c) {
        Device device = assets.device(deviceId);
        if (c.serialNumber() != null && devices.existsBySerialNumberAndIdNot(c.serialNumber(), deviceId)) {
            throw new BadRequestException("serialNumber", "a device with serial number " + c.serialNumber() + " exists already");
        }
        if (c.ipAddress() != null) {
            assets.changeProbe(deviceId, c.ipAddress(), device.getProbeTcpPorts(), device.getProbeHttpUrl());
        }
        device.correct(c.model(), c.serialNumber(), c.location());
        if (c.outOfService() != null) {
            device.retire(c.outOfService(), LocalDate.now(clock));
        }
        return devices.saveAndFlush(device);
    }
}
