package com.aftercare.alarm;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monitoring sources under administration: admins register and revoke, supervisors may look (the /api/admin rules
 * of SecurityConfig). The key is in the answer to the registration only.
 */
@RestController
@RequestMapping("/api/admin/alarm-sources")
class MonitoringSourceAdminController {

    private final ListMonitoringSources list;
    private final RegisterMonitoringSource register;
    private final RevokeMonitoringSource revoke;

    MonitoringSourceAdminController(ListMonitoringSources list, RegisterMonitoringSource register, RevokeMonitoringSource revoke) {
        this.list = list;
        this.register = register;
        this.revoke = revoke;
    }

    /** The new source and its key, which is never shown again. */
    record RegisteredView(ListMonitoringSources.SourceView source, String key) {
    }

    @GetMapping
    List<ListMonitoringSources.SourceView> list() {
        return list.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RegisteredView register(@Valid @RequestBody RegisterMonitoringSource.NewSource request) {
        RegisterMonitoringSource.Registered registered = register.register(request);
        return new RegisteredView(view(registered.source()), registered.key());
    }

    @PostMapping("/{id}/revoke")
    ListMonitoringSources.SourceView revoke(@PathVariable Long id) {
        revoke.revoke(id);
        return list.list().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private ListMonitoringSources.SourceView view(MonitoringSource source) {
        return list.list().stream().filter(s -> s.id().equals(source.getId())).findFirst()
                .orElseGet(() -> list.fresh(source));
    }
}
