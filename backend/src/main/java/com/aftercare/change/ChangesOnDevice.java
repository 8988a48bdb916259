package com.aftercare.change;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes that named a device: whether one went through the change process for it in a period (what the
 * configuration backups ask when a device's configuration differs from its last backup, RP-5 and RP-6), and the list on
 * the device's record page.
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

    /** A change naming the device, as the device's record page lists it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DeviceRecordChange")
    public record DeviceChange(long id, String number, String title, ChangeStatus status, Instant plannedStart,
            Instant plannedEnd, ChangeOutcome outcome) {
    }

    /** The changes naming the device, latest window first, at most {@code max}: every status, for staff. */
    @Transactional(readOnly = true)
    public java.util.List<DeviceChange> naming(long deviceId, int max) {
        return changes.namingDevice("%," + deviceId + ",%", PageRequest.of(0, max)).stream()
                .map(c -> new DeviceChange(c.getId(), c.number(), c.getTitle(), c.getStatus(), c.getPlannedStart(),
                        c.getPlannedEnd(), c.getOutcome()))
                .toList();
    }
}
