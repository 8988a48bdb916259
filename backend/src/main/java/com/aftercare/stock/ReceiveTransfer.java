package com.aftercare.stock;

import java.time.Clock;
import java.time.Instant;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;

/**
 * The keeper at the target warehouse confirms that a transfer arrived: each of its lines becomes a batch of the
 * target with the source batch's received date and unit cost (so the FIFO order and the stale age go on from where
 * they were), with a TRANSFER_IN line in the ledger. Received once: a second receipt (two clicks, two keepers) is 409
 * and adds nothing, by the transfer's optimistic version.
 */
@Service
public class ReceiveTransfer {

    @io.swagger.v3.oas.annotations.media.Schema(name = "StockTransferReceipt")
    public record Receipt(String note) {
    }

    private final TransferRepository transfers;
    private final PlaceTransferredParts place;
    private final TransferConflicts conflicts;
    private final Clock clock;

    ReceiveTransfer(TransferRepository transfers, PlaceTransferredParts place, TransferConflicts conflicts, Clock clock) {
        this.transfers = transfers;
        this.place = place;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Transactional
    public void receive(Actor actor, long id, Receipt body) {
        actor.require(Actor.KEEPERS, "receive a transfer");
        Transfer transfer = transfers.findById(id).orElseThrow(() -> new NotFoundException("No transfer " + id));
        String note = Text.optional(body == null ? null : body.note(), "note", 500);
        Instant now = clock.instant();
        transfer.received(actor.username(), now, note);
        try {
            transfers.saveAndFlush(transfer);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw conflicts.movedOn(id, transfer.number());
        }
        place.place(transfer, transfer.getToWarehouseId(), Movement.Kind.TRANSFER_IN, actor.username(), now);
    }
}
