package com.aftercare.asset;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * probe: the protocol checks' settings (issue 14); null on an edit keeps them as they are. commissionedOn: the day the
 * device was put into service (投入使用), not after today; the availability KPIs count it from that day. location: where
 * it hangs or stands (安装位置, e.g. "1号路口东北角立杆"), what an engineer looks for on site; null on an edit keeps it (clients
 * from before the form had it), blank clears it. softwareVersion (软件版本) and purchasedOn (采购日期, not after today): the
 * archive's record of the device (RP-3); on an edit null keeps each (clients from before the form had them), a blank
 * version clears it.
 */
public record NewDevice(
        @NotNull Long siteId,
        @NotNull DeviceType type,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String model,
        @NotBlank @Size(max = 100) String serialNumber,
        @Size(max = 100) String ipAddress,
        LocalDate warrantyEnd,
        @Size(max = 200) String probeTcpPorts,
        @Size(max = 500) String probeHttpUrl,
        Boolean probeTlsInsecure,
        @Valid DeviceProbeSettings probe,
        LocalDate commissionedOn,
        @Size(max = 200) String location,
        @Size(max = 100) String softwareVersion,
        LocalDate purchasedOn) {

    /** A device without software version and purchase day (callers from before the archive kept them). */
    public NewDevice(Long siteId, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, Boolean probeTlsInsecure, DeviceProbeSettings probe,
            LocalDate commissionedOn, String location) {
        this(siteId, type, name, model, serialNumber, ipAddress, warrantyEnd, probeTcpPorts, probeHttpUrl, probeTlsInsecure, probe,
                commissionedOn, location, null, null);
    }

    /** A device without an installed location (callers from before the admin form had it). */
    public NewDevice(Long siteId, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, Boolean probeTlsInsecure, DeviceProbeSettings probe,
            LocalDate commissionedOn) {
        this(siteId, type, name, model, serialNumber, ipAddress, warrantyEnd, probeTcpPorts, probeHttpUrl, probeTlsInsecure, probe,
                commissionedOn, null);
    }

    /** A device without a commissioning day (callers from before it was kept). */
    public NewDevice(Long siteId, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, Boolean probeTlsInsecure, DeviceProbeSettings probe) {
        this(siteId, type, name, model, serialNumber, ipAddress, warrantyEnd, probeTcpPorts, probeHttpUrl, probeTlsInsecure, probe,
                null);
    }

    /** A device known by address, TCP ports and HTTP URL only (callers from before issue 14). */
    public NewDevice(Long siteId, DeviceType type, String name, String model, String serialNumber, String ipAddress,
            LocalDate warrantyEnd, String probeTcpPorts, String probeHttpUrl, Boolean probeTlsInsecure) {
        this(siteId, type, name, model, serialNumber, ipAddress, warrantyEnd, probeTcpPorts, probeHttpUrl, probeTlsInsecure, null);
    }
}
