package com.aftercare.stock;

import java.time.Clock;
import java.time.Instant;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/**
 * A keeper withdraws a transfer shipped by mistake while it is still on the road (撤回调拨): each of its lines becomes a
 * batch of the source warehouse again, with the received date and unit cost it left with (FIFO and the stale age go on
 * as if it had never left), with a TRANSFER_BACK line in the ledger. The reason is required: the slip is the record of
 * why stock went out and came back. A receipt and a withdrawal at once: one wins, the other is a 409, by the
 * transfer's optimistic version.
 */
@Service
public class CancelTransfer {

    @io.swagger.v3.oas.annotations.media.Schema(name = "StockTransferWithdrawal")
    public record Withdrawal(String reason) {
    }

    private final TransferRepository transfers;
    private final PlaceTransferredParts place;
    private final TransferConflicts conflicts;
    private final Clock clock;

    CancelTransfer(TransferRepository transfers, PlaceTransferredParts place, TransferConflicts conflicts, Clock clock) {
        this.transfers = transfers;
        this.place = place;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    @Transactional
    public void cancel(Actor actor, long id, Withdrawal body) {
        actor.require(Actor.KEEPERS, "withdraw a transfer");
        Transfer transfer = transfers.findById(id).orElseThrow(() -> new NotFoundException("No transfer " + id));
        transfer.requireInTransit(); // a received transfer is a 409 even without a reason: no reason would help
        String reason = Text.optional(body == null ? null : body.reason(), "reason", 500);
        if (reason == null) {
            throw new BadRequestException("reason", "required: why the parts go back");
        }
        Instant now = clock.instant();
        transfer.cancelled(actor.username(), now, reason);
        try {
            transfers.saveAndFlush(transfer);
        } catch (ObjectOptimisticLockingFailureException e) {
            // received or withdrawn by someone else a moment ago: say which
            throw conflicts.movedOn(id, transfer.number());
        }
        place.place(transfer, transfer.getFromWarehouseId(), Movement.Kind.TRANSFER_BACK, actor.username(), now);
    }
}
