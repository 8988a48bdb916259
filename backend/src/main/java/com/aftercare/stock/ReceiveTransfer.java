package com.aftercare.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
    private final TransferLineRepository lines;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final PartRepository parts;
    private final CheckAlarmLevel alarm;
    private final TransferConflicts conflicts;
    private final Clock clock;

    ReceiveTransfer(TransferRepository transfers, TransferLineRepository lines, BatchRepository batches,
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
        List<TransferLine> shipped = lines.findByTransferIdOrderByIdAsc(id);
        for (TransferLine line : shipped) {
            Batch arrived = batches.save(new Batch(transfer.getPartId(), transfer.getToWarehouseId(), line.getReceivedOn(),
                    line.getQuantity(), line.getUnitCost(), actor.username(), now));
            line.arrivedAs(arrived.getId());
            movements.save(Movement.ofTransfer(arrived, Movement.Kind.TRANSFER_IN, line.getQuantity(), id, actor.username(), now));
        }
        // in transit it already counted for the alarm level; in the warehouse it still does: clears a mark if raised
        alarm.afterIncoming(parts.findById(transfer.getPartId()).orElseThrow());
    }
}
