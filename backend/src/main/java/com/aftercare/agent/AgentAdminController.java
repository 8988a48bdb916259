package com.aftercare.agent;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Probe agents in the administration (ADMIN changes, SUPERVISOR reads; SecurityConfig gates /api/admin/** so).
 * The token is in the answer to the registration only.
 */
@RestController
class AgentAdminController {

    @Schema(name = "AgentCreated")
    record Created(ListAgents.AgentView agent, String token) {
    }

    private final ListAgents list;
    private final RegisterAgent register;
    private final RevokeAgent revoke;

    AgentAdminController(ListAgents list, RegisterAgent register, RevokeAgent revoke) {
        this.list = list;
        this.register = register;
        this.revoke = revoke;
    }

    @GetMapping("/api/admin/probe-agents")
    List<ListAgents.AgentView> list() {
        return list.all();
    }

    @PostMapping("/api/admin/probe-agents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Created create(@RequestBody(required = false) RegisterAgent.Command command) {
        RegisterAgent.Registered r = register.register(command == null ? new RegisterAgent.Command(null, null, null) : command);
        return new Created(list.one(r.agent()), r.token());
    }

    @PostMapping("/api/admin/probe-agents/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    ListAgents.AgentView revoke(@PathVariable Long id) {
        return list.one(revoke.revoke(id));
    }
}
