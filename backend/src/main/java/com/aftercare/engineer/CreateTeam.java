package com.aftercare.engineer;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.AccountService;

/** An administrator forms a team: name (unique), region it covers, skills, and a lead who has an account. */
@Service
public class CreateTeam {

    private final TeamRepository teams;
    private final AccountService accounts;

    CreateTeam(TeamRepository teams, AccountService accounts) {
        this.teams = teams;
        this.accounts = accounts;
    }

    @Transactional
    public Team create(TeamCommand c) {
        String name = c.name().trim();
        String lead = lead(accounts, c.leadUsername());
        if (teams.findByName(name).isPresent()) {
            throw ConflictException.of("teamNameTaken", Map.of("name", name));
        }
        Team team = new Team(name);
        team.describe(name, c.region(), c.skills(), lead);
        return teams.save(team);
    }

    /** The lead's user name, checked against the accounts (400 on an unknown one), or null. */
    static String lead(AccountService accounts, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        if (accounts.find(username.trim()).isEmpty()) {
            throw new BadRequestException("leadUsername", "no account " + username.trim());
        }
        return username.trim();
    }
}
