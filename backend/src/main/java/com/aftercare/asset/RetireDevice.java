package com.aftercare.asset;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator takes a device out of service (replaced, scrapped: RR-6) or back in. A retired device is no longer
 * offered for new fault reports; it is never deleted, so the tickets and audit entries that name it keep it. The day
 * it is retired is kept: the KPIs count it in service until then.
 */
@Service
public class RetireDevice {

    private final AssetService assets;
    private final Clock clock;

    RetireDevice(AssetService assets, Clock clock) {
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional
    public Device retire(Long id) {
        Device device = assets.device(id);
        device.retire(true, LocalDate.now(clock));
        return device;
    }

    @Transactional
    public Device reinstate(Long id) {
        Device device = assets.device(id);
        device.retire(false, LocalDate.now(clock));
        return device;
    }
}
