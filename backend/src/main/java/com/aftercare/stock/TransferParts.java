package com.aftercare.stock;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/**
 * A keeper ships parts from one warehouse to another (调拨, FW-6): the quantity leaves the source at once, oldest batch
 * first as an issue takes it (003: 先入先出), by the same conditional updates, so a transfer and an issue racing for the
 * last unit cannot both have it. One TRANSFER_OUT line in the ledger and one transfer line per batch taken; the parts
 * are in transit until {@link ReceiveTransfer}. Anything short is a 409 and nothing moves.
 */
@Service
public class TransferParts {

    /** The transfer slip: which part, from where to where, how many, and a note for the receiving keeper. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "NewStockTransfer")
    public record NewTransfer(Long partId, Long fromWarehouseId, Long toWarehouseId, Integer quantity, String note) {
    }

    private final PartRepository parts;
    private final WarehouseRepository warehouses;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final TransferRepository transfers;
    private final TransferLineRepository lines;
    private final Clock clock;

    TransferParts(PartRepository parts, WarehouseRepository warehouses, BatchRepository batches, MovementRepository movements,
            TransferRepository transfers, TransferLineRepository lines, Clock clock) {
        this.parts = parts;
        this.warehouses = warehouses;
        this.batches = batches;
        this.movements = movements;
        this.transfers = transfers;
        this.lines = lines;
        this.clock = clock;
    }

    @Transactional
    public long ship(Actor actor, NewTransfer body) {
        actor.require(Actor.KEEPERS, "transfer stock between warehouses");
        if (body == null) {
            throw new BadRequestException("body", "required");
        }
        Part part = parts.findById(Text.id(body.partId(), "partId"))
                .orElseThrow(() -> new BadRequestException("partId", "no such part"));
        Warehouse from = warehouses.findById(Text.id(body.fromWarehouseId(), "fromWarehouseId"))
                .orElseThrow(() -> new BadRequestException("fromWarehouseId", "no such warehouse"));
        Warehouse to = warehouses.findById(Text.id(body.toWarehouseId(), "toWarehouseId"))
                .orElseThrow(() -> new BadRequestException("toWarehouseId", "no such warehouse"));
        if (from.getId().equals(to.getId())) {
            throw new BadRequestException("toWarehouseId", "must differ from fromWarehouseId");
        }
        int quantity = Text.positive(body.quantity(), "quantity");
        String note = Text.optional(body.note(), "note", 500);
        Instant now = clock.instant();
        Transfer transfer = transfers.saveAndFlush(new Transfer(part.getId(), from.getId(), to.getId(), quantity, note,
                actor.username(), now));
        int needed = quantity;
        try {
            List<Batch> fifo = batches.fifo(part.getId(), from.getId());
            for (Batch batch : fifo) {
                if (needed == 0) {
                    break;
                }
                int take = Math.min(needed, batch.getRemaining());
                if (batches.take(batch.getId(), take) != 1) {
                    // an issue or another transfer took from this batch since we read it
                    throw ConflictException.of("stockChangedWhileTransferring", Map.of("part", part.getPartNumber(),
                            "warehouse", from.getName()));
                }
                lines.save(new TransferLine(transfer.getId(), batch, take));
                movements.save(Movement.ofTransfer(batch, Movement.Kind.TRANSFER_OUT, -take, transfer.getId(),
                        actor.username(), now));
                needed -= take;
            }
            if (needed > 0) {
                throw ConflictException.of("notEnoughStockToTransfer", Map.of("part", part.getPartNumber(),
                        "warehouse", from.getName(), "available", quantity - needed, "wanted", quantity));
            }
            movements.flush();
        } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
            // the database refused to go below zero (CHECK) or gave up waiting for the other writer's lock
            throw ConflictException.of("stockChangedWhileTransferring", Map.of("part", part.getPartNumber(),
                    "warehouse", from.getName()));
        }
        // no alarm check: the part's total (in transit included) is what it was
        return transfer.getId();
    }
}
