package com.aftercare.engineer;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.AccountService;

/** An administrator renames a team or changes its region, skills or lead. */
@Service
public class EditTeam {

    private final TeamRepository teams;
    private final AccountService accounts;

    EditTeam(TeamRepository teams, AccountService accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    @Transactional
    public Team edit(Long id, TeamCommand c) {
        Team team = teams.findById(id).orElseThrow(() -> new NotFoundException("No team " + id));
        String name = c.name().trim();
        String lead = CreateTeam.lead(accounts, c.leadUsername());
        teams.findByName(name).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw ConflictException.of("teamNameTaken", Map.of("name", name));
        });
        team.describe(name, c.region(), c.skills(), lead);
        return team;
    }
}
