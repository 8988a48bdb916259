package com.aftercare.engineer;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class EngineerService {

    private final EngineerRepository engineers;
    private final TeamRepository teams;
    private final com.aftercare.identity.AccountService accounts;

    EngineerService(EngineerRepository engineers, TeamRepository teams, com.aftercare.identity.AccountService accounts) {
        this.engineers = engineers;
        this.teams = teams;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByName();
    }

    /** Engineers who may be given work: on the roster and not disabled (a Keycloak user without a local record counts). */
    @Transactional(readOnly = true)
    public List<Engineer> available() {
        return all().stream().filter(e -> notDisabled(e.getUsername())).toList();
    }

    private boolean notDisabled(String username) {
        return accounts.find(username).map(com.aftercare.identity.AppUser::isEnabled).orElse(true);
    }

    @Transactional(readOnly = true)
    public List<Engineer> all() {
        return engineers.findAllByOrderByDisplayName();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return username != null && engineers.existsByUsername(username) && notDisabled(username);
    }

    @Transactional
    public Engineer create(String username, String displayName, String phone, String teamName) {
        Team team = teamName == null ? null : teams.findByName(teamName).orElseGet(() -> teams.save(new Team(teamName)));
        return engineers.save(new Engineer(username, displayName, phone, team));
    }
}
