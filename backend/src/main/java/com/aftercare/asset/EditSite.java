package com.aftercare.asset;

import java.util.Map;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An administrator corrects a site: name, address, region (a county site gets county deadlines on its next ticket,
 * SLA-9) and contact. A site stays with its unit.
 */
@Service
public class EditSite {

    @Schema(name = "EditSiteCommand")
    public record Command(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 500) String address,
            @NotNull Region region,
            @Size(max = 100) String contactName,
            @Size(max = 40) String contactPhone) {
    }

    private final SiteRepository sites;

    EditSite(SiteRepository sites) {
        this.sites = sites;
    }

    @Transactional
    public Site edit(Long id, Command c) {
        Site site = sites.findById(id).orElseThrow(() -> new NotFoundException("No site " + id));
        String name = c.name().trim();
        boolean taken = sites.findAllByOrderByName().stream().anyMatch(s -> !s.getId().equals(id)
                && s.getCustomer().getId().equals(site.getCustomer().getId()) && s.getName().equals(name));
        if (taken) {
            throw ConflictException.of("siteNameTaken", Map.of("name", name));
        }
        site.describe(name, c.address().trim(), c.region(), blankToNull(c.contactName()), blankToNull(c.contactPhone()));
        return site;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
