package com.aftercare.engineer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/** An administrator changes an engineer's name, phone, region, skills or team. The linked account stays. */
@Service
public class EditEngineer {

    private final EngineerRepository engineers;
    private final TeamRepository teams;

    EditEngineer(EngineerRepository engineers, TeamRepository teams) {
        this.engineers = engineers;
        this.teams = teams;
    }

    @Transactional
    public Engineer edit(Long id, EngineerCommand c) {
        Engineer engineer = engineers.findById(id).orElseThrow(() -> new NotFoundException("No engineer " + id));
        if (c.username() != null && !c.username().isBlank() && !c.username().trim().equals(engineer.getUsername())) {
            throw new BadRequestException("username", "an engineer's account cannot change");
        }
        if (c.displayName() == null || c.displayName().isBlank()) {
            throw new BadRequestException("displayName", "required");
        }
        Team team = CreateEngineer.team(teams, c.teamId());
        engineer.describe(c.displayName().trim(), CreateEngineer.blankToNull(c.phone()), c.region(), c.skills(), team);
        return engineer;
    }
}
