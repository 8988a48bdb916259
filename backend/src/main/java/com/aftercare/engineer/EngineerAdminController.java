package com.aftercare.engineer;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.asset.Region;
import io.swagger.v3.oas.annotations.media.Schema;

/** The engineer roster and teams with region and skills: ADMIN changes, SUPERVISOR reads. Nothing is deleted. */
@RestController
class EngineerAdminController {

    private final EngineerService engineers;
    private final CreateEngineer createEngineer;
    private final EditEngineer editEngineer;
    private final CreateTeam createTeam;
    private final EditTeam editTeam;

    EngineerAdminController(EngineerService engineers, CreateEngineer createEngineer, EditEngineer editEngineer,
            CreateTeam createTeam, EditTeam editTeam) {
        this.engineers = engineers;
        this.createEngineer = createEngineer;
        this.editEngineer = editEngineer;
        this.createTeam = createTeam;
        this.editTeam = editTeam;
    }

    @Schema(name = "AdminEngineerView")
    record EngineerView(Long id, String username, String displayName, String phone, Region region, List<String> skills,
            Long teamId, String teamName) {
        static EngineerView of(Engineer e) {
            return new EngineerView(e.getId(), e.getUsername(), e.getDisplayName(), e.getPhone(), e.getRegion(), e.getSkills(),
                    e.getTeam() == null ? null : e.getTeam().getId(), e.getTeam() == null ? null : e.getTeam().getName());
        }
    }

    record TeamView(Long id, String name, Region region, List<String> skills, String leadUsername) {
        static TeamView of(Team t) {
            return new TeamView(t.getId(), t.getName(), t.getRegion(), t.getSkills(), t.getLeadUsername());
        }
    }

    @GetMapping("/api/admin/engineers")
    List<EngineerView> engineers() {
        return engineers.all().stream().map(EngineerView::of).toList();
    }

    @PostMapping("/api/admin/engineers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    EngineerView createEngineer(@Valid @RequestBody EngineerCommand command) {
        return EngineerView.of(createEngineer.create(command));
    }

    @PutMapping("/api/admin/engineers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    EngineerView editEngineer(@PathVariable Long id, @Valid @RequestBody EngineerCommand command) {
        return EngineerView.of(editEngineer.edit(id, command));
    }

    @GetMapping("/api/admin/teams")
    List<TeamView> teams() {
        return engineers.teams().stream().map(TeamView::of).toList();
    }

    @PostMapping("/api/admin/teams")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    TeamView createTeam(@Valid @RequestBody TeamCommand command) {
        return TeamView.of(createTeam.create(command));
    }

    @PutMapping("/api/admin/teams/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    TeamView editTeam(@PathVariable Long id, @Valid @RequestBody TeamCommand command) {
        return TeamView.of(editTeam.edit(id, command));
    }
}
