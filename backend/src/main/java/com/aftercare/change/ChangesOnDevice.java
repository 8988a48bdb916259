package com.aftercare.change;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a change went through the change process for a device in a period: what the configuration backups ask when
 * a device's configuration differs from its last backup (RP-5, RP-6).
 */
@Service
public class ChangesOnDevice {

    private final ChangeRequestRepository changes;

    ChangesOnDevice(ChangeRequestRepository changes) {
        this.changes = changes;
    }

    /** The number of the latest started change naming the device whose window overlaps [from, to); empty when none. */
    @Transactional(readOnly = true)
    public Optional<String> touching(long deviceId, Instant from, Instant to) {
        return changes.touchingDevice("%," + deviceId + ",%", from, to, PageRequest.of(0, 1)).stream()
                .map(ChangeRequest::number).findFirst();
    }
}
