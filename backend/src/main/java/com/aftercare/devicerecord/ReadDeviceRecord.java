package com.aftercare.devicerecord;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.change.ChangesOnDevice;
import com.aftercare.common.ForbiddenException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;
import com.aftercare.ticket.CasesOfDevice;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One device's record (设备档案): what the archive knows of it, its cases (RP-3's repair history, RP-2's fault data the
 * customer may read at any time) and, for staff, the changes that named it. The configuration items resting on it and
 * its configuration backups have their own endpoints, which the page reads beside this one.
 */
@Service
public class ReadDeviceRecord {

    /** The cases listed: a busy camera's year; the total says how many more there are. */
    static final int MAX_CASES = 50;
    static final int MAX_CHANGES = 20;
    static final java.util.Set<Role> STAFF = java.util.Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR,
            Role.PROCESS_OWNER, Role.ADMIN);

    /** ipAddress: staff only (a customer's user does not get the network's addresses, as elsewhere). */
    @Schema(name = "DeviceRecordDevice")
    public record DeviceInfo(long id, String name, DeviceType type, String model, String serialNumber, String ipAddress,
            String softwareVersion, String location, LocalDate purchasedOn, LocalDate commissionedOn, LocalDate warrantyEnd,
            boolean retired, LocalDate retiredOn, long siteId, String siteName, long customerId, String customerName) {
    }

    /** changes: staff only (absent for a customer's user). */
    @Schema(name = "DeviceRecord")
    public record DeviceRecord(DeviceInfo device, List<CasesOfDevice.DeviceCase> cases, long casesTotal, long openCases,
            List<ChangesOnDevice.DeviceChange> changes) {
    }

    private final AssetService assets;
    private final CasesOfDevice cases;
    private final ChangesOnDevice changes;

    ReadDeviceRecord(AssetService assets, CasesOfDevice cases, ChangesOnDevice changes) {
        this.assets = assets;
        this.cases = cases;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public DeviceRecord of(long deviceId) {
        boolean customer = CurrentUser.isCustomer();
        if (!customer && CurrentUser.roles().stream().noneMatch(STAFF::contains)) {
            throw new ForbiddenException("Your role may not read device records");
        }
        Device d = assets.device(deviceId);
        long unit = d.getSite().getCustomer().getId();
        if (customer && !Long.valueOf(unit).equals(CurrentUser.customerId())) {
            throw new NotFoundException("No device " + deviceId); // another unit's device is not confirmed to exist
        }
        DeviceInfo info = new DeviceInfo(d.getId(), d.getName(), d.getType(), d.getModel(), d.getSerialNumber(),
                customer ? null : d.getIpAddress(), d.getSoftwareVersion(), d.getLocation(), d.getPurchasedOn(),
                d.getCommissionedOn(), d.getWarrantyEnd(), d.isRetired(), d.getRetiredOn(), d.getSite().getId(),
                d.getSite().getName(), unit, d.getSite().getCustomer().getName());
        CasesOfDevice.Page page = cases.newest(deviceId, MAX_CASES);
        return new DeviceRecord(info, page.cases(), page.total(), page.open(),
                customer ? null : changes.naming(deviceId, MAX_CHANGES));
    }
}
