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

    ProbeController(RecheckDevice recheckDevice) {
        this.recheckDevice = recheckDevice;
    }

    /** A probe result as the case file shows it. */
    record ProbeRun(Long id, Instant startedAt, Instant finishedAt, boolean passed, String summary, List<ProbeCheck> checks) {
    }

    /** Check the ticket's device again now (issue 12); the result is also the newest of the case file's probeResults. */
    @PostMapping("/api/tickets/{id}/probe-results")
    ResponseEntity<ProbeRun> recheck(@PathVariable Long id,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        ProbeResult r = recheckDevice.recheck(id, CurrentUser.username(), CurrentUser.roles());
        Locale reader = Labels.language(acceptLanguage);
        return ResponseEntity.created(URI.create("/api/tickets/" + id))
                .body(new ProbeRun(r.getId(), r.getStartedAt(), r.getFinishedAt(), r.isPassed(),
                        ProbeResultWords.summary(r.getSummary(), reader), ProbeResultWords.checks(r.getChecks(), reader)));
    }
}
