package com.aftercare.probe;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;
import com.aftercare.labels.Labels;

@RestController
class ProbeController {

    private final RecheckDevice recheckDevice;
    private final Labels labels;

    ProbeController(RecheckDevice recheckDevice, Labels labels) {
        this.recheckDevice = recheckDevice;
        this.labels = labels;
    }

    /**
     * A probe result as the case file shows it. queued: the check was handed to the site's probe agent (202): no
     * result yet (id and times null, passed false, no checks), summary says so in the reader's language.
     */
    record ProbeRun(Long id, Instant startedAt, Instant finishedAt, boolean passed, String summary, List<ProbeCheck> checks,
            boolean queued) {
    }

    /**
     * Check the ticket's device again now (issue 12): 201 with the result, which is also the newest of the case file's
     * probeResults; at a site served by a probe agent 202, queued for the agent (ADR 0042).
     */
    @PostMapping("/api/tickets/{id}/probe-results")
    ResponseEntity<ProbeRun> recheck(@PathVariable Long id,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        RecheckDevice.Rechecked rechecked = recheckDevice.recheck(id, CurrentUser.username(), CurrentUser.roles());
        Locale reader = Labels.language(acceptLanguage);
        if (rechecked.queued()) {
            return ResponseEntity.accepted().location(URI.create("/api/tickets/" + id))
                    .body(new ProbeRun(null, null, null, false, labels.text(reader, "probe.recheckQueued"), List.of(), true));
        }
        ProbeResult r = rechecked.result();
        return ResponseEntity.created(URI.create("/api/tickets/" + id))
                .body(new ProbeRun(r.getId(), r.getStartedAt(), r.getFinishedAt(), r.isPassed(),
                        ProbeResultWords.summary(r.getSummary(), reader), ProbeResultWords.checks(r.getChecks(), reader), false));
    }
}
