package com.aftercare.engineer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.asset.Region;

/**
 * Gives an engineer, and their team, the region they cover when none is said yet. The demo's engineers are placed so
 * (市区 / 区县, like the demo sites), in a demo database written before they had a region too; an administrator's
 * choice is never overwritten (that is {@link EditEngineer}).
 */
@Service
public class PlaceEngineer {

    private final EngineerRepository engineers;

    PlaceEngineer(EngineerRepository engineers) {
        this.engineers = engineers;
    }

    /** @return whether anything changed (false: unknown engineer, or a region was said already) */
    @Transactional
    public boolean placeIfUnplaced(String username, Region region) {
        Engineer engineer = engineers.findByUsername(username).orElse(null);
        if (engineer == null || engineer.getRegion() != null) {
            return false;
        }
        engineer.describe(engineer.getDisplayName(), engineer.getPhone(), region, engineer.getSkills(), engineer.getTeam());
        Team team = engineer.getTeam();
        if (team != null && team.getRegion() == null) {
            team.describe(team.getName(), region, team.getSkills(), team.getLeadUsername());
        }
        return true;
    }
}
