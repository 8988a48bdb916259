package com.aftercare.engineer;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class EngineerService {

    private final EngineerRepository engineers;
    private final TeamRepository teams;

    EngineerService(EngineerRepository engineers, TeamRepository teams) {
        this.engineers = engineers;
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public List<Engineer> all() {
        return engineers.findAllByOrderByDisplayName();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return username != null && engineers.existsByUsername(username);
    }

    @Transactional
    public Engineer create(String username, String displayName, String phone, String teamName) {
        Team team = teamName == null ? null : teams.findByName(teamName).orElseGet(() -> teams.save(new Team(teamName)));
        return engineers.save(new Engineer(username, displayName, phone, team));
    }
}
