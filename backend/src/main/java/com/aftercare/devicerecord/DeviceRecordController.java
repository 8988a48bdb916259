package com.aftercare.devicerecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A device's record page (设备档案). */
@RestController
@Tag(name = "Assets")
class DeviceRecordController {

    private final ReadDeviceRecord read;

    DeviceRecordController(ReadDeviceRecord read) {
        this.read = read;
    }

    @GetMapping("/api/devices/{id}/record")
    @Operation(summary = "A device with its newest 50 cases and counts, and for staff the changes naming it (latest 20); a customer's user: their own unit's devices only")
    ReadDeviceRecord.DeviceRecord record(@PathVariable long id) {
        return read.of(id);
    }
}
