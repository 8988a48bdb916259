package com.aftercare.apitoken;

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
 * API tokens in the administration (ADMIN changes, SUPERVISOR reads; SecurityConfig gates /api/admin/** so). The token
 * is in the answer to its issue only.
 */
@RestController
class ApiTokenAdminController {

    @Schema(name = "ApiTokenCreated")
    record Created(ListApiTokens.TokenView apiToken, String token) {
    }

    private final ListApiTokens list;
    private final IssueApiToken issue;
    private final RevokeApiToken revoke;

    ApiTokenAdminController(ListApiTokens list, IssueApiToken issue, RevokeApiToken revoke) {
        this.list = list;
        this.issue = issue;
        this.revoke = revoke;
    }

    @GetMapping("/api/admin/api-tokens")
    List<ListApiTokens.TokenView> list() {
        return list.all();
    }

    @PostMapping("/api/admin/api-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Created create(@RequestBody(required = false) IssueApiToken.Command command) {
        IssueApiToken.Issued issued = issue.issue(command == null ? new IssueApiToken.Command(null, null, null) : command);
        return new Created(list.one(issued.apiToken()), issued.token());
    }

    @PostMapping("/api/admin/api-tokens/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    ListApiTokens.TokenView revoke(@PathVariable Long id) {
        return list.one(revoke.revoke(id));
    }
}
