package com.aftercare.probe;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.aftercare.identity.CurrentUser;

@RestController
class VerificationWaiverController {

    private final WaiveVerification waive;

    VerificationWaiverController(WaiveVerification waive) {
        this.waive = waive;
    }

    record WaiverBody(String reason) {
    }

    /** The waiver as the case file shows it. */
    record WaiverView(Long id, String reason, String waivedBy, Instant waivedAt) {
        static WaiverView of(VerificationWaiver w) {
            return new WaiverView(w.getId(), w.getReason(), w.getWaivedBy(), w.getWaivedAt());
        }
    }

    /** The desk waives verification of the case's device (its settings are missing), with a reason. */
    @PostMapping("/api/tickets/{id}/verification-waiver")
    @ResponseStatus(HttpStatus.CREATED)
    WaiverView waive(@PathVariable Long id, @RequestBody(required = false) WaiverBody body) {
        return WaiverView.of(waive.waive(id, body == null ? null : body.reason(), CurrentUser.username(), CurrentUser.roles()));
    }
}
