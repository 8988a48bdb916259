package com.aftercare.engineer;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.aftercare.asset.Region;

/** A team as an administrator enters it (create and edit take the same fields). */
public record TeamCommand(
        @NotBlank @Size(max = 100) String name,
        Region region,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = Skills.TAG, message = "1-40 characters, no comma") String> skills,
        @Size(max = 100) String leadUsername) {
}
