package com.aftercare.idempotency;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes an Idempotency-Key for a request about to be done, inside the caller's transaction: if the work
 * fails the key is given back with it (a rejected request leaves nothing behind); if a twin of the request
 * holds the key, this waits for it and then fails with a DataIntegrityViolationException, and the caller
 * answers with {@link ReplayIdempotentRequest} instead of doing the work twice.
 */
@Service
public class RememberIdempotentRequest {

    private final IdempotentRequestRepository requests;
    private final Clock clock;

    RememberIdempotentRequest(IdempotentRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(String scope, String key, String caller, String fingerprint, int responseStatus) {
        requests.insert(scope, key, new IdempotentRequestRepository.Row(fingerprint, caller, responseStatus), clock.instant());
    }
}
