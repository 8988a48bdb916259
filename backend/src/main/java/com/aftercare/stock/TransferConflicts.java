package com.aftercare.stock;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;

/** The 409 for a transfer that someone else received or withdrew a moment ago: it says which of the two happened. */
@Component
class TransferConflicts {

    private final TransferRepository transfers;

    TransferConflicts(TransferRepository transfers) {
        this.transfers = transfers;
    }

    /**
     * Read in a transaction of its own: the caller's session holds the stale transfer after the lost race and would
     * try to flush it again before any query of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
    public ConflictException movedOn(long id, String number) {
        TransferStatus now = transfers.statusOf(id);
        return ConflictException.of(now == TransferStatus.CANCELLED ? "transferCancelled" : "transferReceived",
                Map.of("number", number));
    }
}
