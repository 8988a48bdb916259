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
    private final TransferLineRepository lines;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final PartRepository parts;
    private final CheckAlarmLevel alarm;
    private final TransferConflicts conflicts;
    private final Clock clock;

    CancelTransfer(TransferRepository transfers, TransferLineRepository lines, BatchRepository batches,
            MovementRepository movements, PartRepository parts, CheckAlarmLevel alarm, TransferConflicts conflicts, Clock clock) {
        this.conflicts = conflicts;
        this.transfers = transfers;
        this.lines = lines;
        this.batches = batches;
        this.movements = movements;
        this.parts = parts;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Transactional
    public void cancel(Actor actor, long id, Withdrawal body) {
        actor.require(Actor.KEEPERS, "withdraw a transfer");
        Transfer transfer = transfers.findById(id).orElseThrow(() -> new NotFoundException("No transfer " + id));
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
        for (TransferLine line : lines.findByTransferIdOrderByIdAsc(id)) {
            Batch back = batches.save(new Batch(transfer.getPartId(), transfer.getFromWarehouseId(), line.getReceivedOn(),
                    line.getQuantity(), line.getUnitCost(), actor.username(), now));
            line.arrivedAs(back.getId()); // the batch the line became: back at the source
            movements.save(Movement.ofTransfer(back, Movement.Kind.TRANSFER_BACK, line.getQuantity(), id, actor.username(), now));
        }
        // in transit it counted for the alarm level; back in the source it still does: clears a mark if raised
        alarm.afterIncoming(parts.findById(transfer.getPartId()).orElseThrow());
    }
}
