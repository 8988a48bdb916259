package com.aftercare.idempotency;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.UnprocessableException;

/**
 * Is this request a retry of one already done under its Idempotency-Key? Then the caller answers with
 * the first answer's status and does nothing again. The key is bound to the caller and the request
 * (IETF Idempotency-Key draft): reused for anything else it is refused (422), never replayed.
 */
@Service
public class ReplayIdempotentRequest {

    private final IdempotentRequestRepository requests;

    ReplayIdempotentRequest(IdempotentRequestRepository requests) {
        this.requests = requests;
    }

    /**
     * @param scope       the kind of request, e.g. "task-complete"
     * @param fingerprint {@link RequestFingerprint#of} the caller and the request
     * @return the HTTP status first answered, if this is a retry
     */
    @Transactional(readOnly = true)
    public Optional<Integer> replay(String scope, String key, String fingerprint) {
        Optional<IdempotentRequestRepository.Row> earlier = requests.find(scope, key);
        if (earlier.isPresent() && !earlier.get().fingerprint().equals(fingerprint)) {
            throw new UnprocessableException(IdempotencyKey.HEADER,
                    "already used for a different request or by another caller; send a new key for a new request");
        }
        return earlier.map(IdempotentRequestRepository.Row::responseStatus);
    }
}
