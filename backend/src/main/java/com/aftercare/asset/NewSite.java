package com.aftercare.asset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewSite(
        @NotNull Long customerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String address,
        @NotNull Region region,
        @Size(max = 100) String contactName,
        @Size(max = 40) String contactPhone) {
}
