package com.aftercare.engineer;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.aftercare.asset.Region;

/**
 * An engineer as an administrator enters it. {@code username} names the account the engineer signs in with (set on
 * create, never changed); the display name defaults to the account's.
 */
public record EngineerCommand(
        @Size(max = 100) String username,
        @Size(max = 100) String displayName,
        @Pattern(regexp = "[0-9+() -]{0,40}", message = "digits, spaces and + ( ) - only") String phone,
        Region region,
        @Size(max = 20) List<@NotBlank @Pattern(regexp = Skills.TAG, message = "1-40 characters, no comma") String> skills,
        Long teamId) {
}
