package com.aftercare.asset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The asset keeper records a site's environment (RP-3; the archive of seed 003 lists "单位环境情况": machine room, power,
 * lightning protection, dust, damp or corrosion, and "系统及设备维护人员情况": the customer's own maintainers), so that
 * an engineer going there knows it from the case page. The environment is replaced as a whole: a field left blank is
 * cleared. The change is audited with the site row like every other site change.
 */
@Service
public class DescribeSiteEnvironment {

    /** A site's environment; every part optional. */
    @Schema(name = "SiteEnvironment")
    public record Environment(
            /** 机房建设情况: where the equipment room is and how it is built. */
            @Size(max = 500) String machineRoom,
            /** 供电情况: mains, UPS and its hours, generator. */
            @Size(max = 500) String powerSupply,
            /** 防雷情况: lightning protection and grounding. */
            @Size(max = 500) String lightningProtection,
            /** 不利运行条件: dust, damp, acid or alkali, heat. */
            @Size(max = 500) String adverseConditions,
            /** 维护人员数量: how many of the customer's people look after the systems there. */
            @Min(0) @Max(9999) Integer maintainerCount,
            /** 维护人员技术水平: what they can do themselves. */
            @Size(max = 500) String maintainerSkills) {

        /** The site's environment as recorded, or null when nothing is. */
        public static Environment of(Site s) {
            Environment e = new Environment(s.getMachineRoom(), s.getPowerSupply(), s.getLightningProtection(),
                    s.getAdverseConditions(), s.getMaintainerCount(), s.getMaintainerSkills());
            return e.isEmpty() ? null : e;
        }

        boolean isEmpty() {
            return machineRoom == null && powerSupply == null && lightningProtection == null && adverseConditions == null
                    && maintainerCount == null && maintainerSkills == null;
        }
    }

    private final SiteRepository sites;

    DescribeSiteEnvironment(SiteRepository sites) {
        this.sites = sites;
    }

    @Transactional
    public Site describe(Long siteId, Environment e) {
        Site site = sites.findById(siteId).orElseThrow(() -> new NotFoundException("No site " + siteId));
        site.describeEnvironment(text(e.machineRoom()), text(e.powerSupply()), text(e.lightningProtection()),
                text(e.adverseConditions()), e.maintainerCount(), text(e.maintainerSkills()));
        return site;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
