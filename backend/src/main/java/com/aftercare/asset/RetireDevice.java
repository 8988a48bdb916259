package com.aftercare.asset;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator takes a device out of service (replaced, scrapped: RR-6) or back in. A retired device is no longer
 * offered for new fault reports; it is never deleted, so the tickets and audit entries that name it keep it.
 */
@Service
public class RetireDevice {

    private final AssetService assets;

    RetireDevice(AssetService assets) {
        this.assets = assets;
    }

    @Transactional
    public Device retire(Long id) {
        Device device = assets.device(id);
        device.retire(true);
        return device;
    }

    @Transactional
    public Device reinstate(Long id) {
        Device device = assets.device(id);
        device.retire(false);
        return device;
    }
}
