package com.aftercare.stock;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Where a transfer's parts land when it ends, received at the target or withdrawn back to the source: each of its
 * lines becomes a batch of that warehouse with the received date and unit cost it left with (so the FIFO order and the
 * stale age go on from where they were), with one ledger line; and the part's alarm mark is cleared if the stock now
 * allows (in transit the parts already counted for the alarm level, in the warehouse they still do).
 */
@Component
class PlaceTransferredParts {

    private final TransferLineRepository lines;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final PartRepository parts;
    private final CheckAlarmLevel alarm;

    PlaceTransferredParts(TransferLineRepository lines, BatchRepository batches, MovementRepository movements,
            PartRepository parts, CheckAlarmLevel alarm) {
        this.lines = lines;
        this.batches = batches;
        this.movements = movements;
        this.parts = parts;
        this.alarm = alarm;
    }

    void place(Transfer transfer, long warehouseId, Movement.Kind kind, String by, Instant at) {
        for (TransferLine line : lines.findByTransferIdOrderByIdAsc(transfer.getId())) {
            Batch placed = batches.save(new Batch(transfer.getPartId(), warehouseId, line.getReceivedOn(), line.getQuantity(),
                    line.getUnitCost(), by, at));
            line.arrivedAs(placed.getId()); // the batch the line became: at the target, or back at the source
            movements.save(Movement.ofTransfer(placed, kind, line.getQuantity(), transfer.getId(), by, at));
        }
        alarm.afterIncoming(parts.findById(transfer.getPartId()).orElseThrow());
    }
}
