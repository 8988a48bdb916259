package com.aftercare.engineer;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.AppUser;

/**
 * An administrator puts an account on the engineer roster (dispatch offers only engineers on it): the account must
 * exist (a local account, or the local record of a Keycloak user), one roster entry per account.
 */
@Service
public class CreateEngineer {

    private final EngineerRepository engineers;
    private final TeamRepository teams;
    private final AccountService accounts;

    CreateEngineer(EngineerRepository engineers, TeamRepository teams, AccountService accounts) {
        this.engineers = engineers;
        this.teams = teams;
        this.accounts = accounts;
    }

    @Transactional
    public Engineer create(EngineerCommand c) {
        if (c.username() == null || c.username().isBlank()) {
            throw new BadRequestException("username", "required");
        }
        String username = c.username().trim();
        AppUser account = accounts.find(username)
                .orElseThrow(() -> new BadRequestException("username", "no account " + username + "; create the account first"));
        Team team = team(teams, c.teamId());
        if (engineers.existsByUsername(username)) {
            throw ConflictException.of("engineerOnRoster", Map.of("username", username));
        }
        String displayName = c.displayName() == null || c.displayName().isBlank() ? account.getDisplayName() : c.displayName().trim();
        Engineer engineer = new Engineer(username, displayName, null, team);
        engineer.describe(displayName, blankToNull(c.phone()), c.region(), c.skills(), team);
        return engineers.save(engineer);
    }

    static Team team(TeamRepository teams, Long teamId) {
        return teamId == null ? null
                : teams.findById(teamId).orElseThrow(() -> new BadRequestException("teamId", "unknown team " + teamId));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
