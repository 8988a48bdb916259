package com.aftercare.asset;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
        Boolean probeTlsInsecure) {
}
