package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;

/** Stock comes in: a new batch (its received date orders the FIFO issue) and a RECEIPT line in the ledger. */
@Service
public class ReceiveStock {

    /** receivedOn: the date on the receipt (入库单), today when absent; unitCost optional. */
    public record Receipt(Long partId, Long warehouseId, Integer quantity, LocalDate receivedOn, BigDecimal unitCost,
            String note) {
    }

    private final PartRepository parts;
    private final WarehouseRepository warehouses;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final CheckAlarmLevel alarm;
    private final Clock clock;

    ReceiveStock(PartRepository parts, WarehouseRepository warehouses, BatchRepository batches, MovementRepository movements,
            CheckAlarmLevel alarm, Clock clock) {
        this.parts = parts;
        this.warehouses = warehouses;
        this.batches = batches;
        this.movements = movements;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Transactional
    public long receive(Actor actor, Receipt body) {
        actor.require(Actor.KEEPERS, "receive stock");
        Part part = parts.findById(Text.id(body.partId(), "partId"))
                .orElseThrow(() -> new BadRequestException("partId", "no such part"));
        Warehouse warehouse = warehouses.findById(Text.id(body.warehouseId(), "warehouseId"))
                .orElseThrow(() -> new BadRequestException("warehouseId", "no such warehouse"));
        int quantity = Text.positive(body.quantity(), "quantity");
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = body.receivedOn() == null ? today : body.receivedOn();
        if (receivedOn.isAfter(today)) {
            throw new BadRequestException("receivedOn", "cannot be in the future");
        }
        if (body.unitCost() != null && (body.unitCost().signum() < 0 || body.unitCost().scale() > 2
                || body.unitCost().precision() - body.unitCost().scale() > 10)) {
            throw new BadRequestException("unitCost", "a non-negative amount with at most 2 decimals");
        }
        String note = Text.optional(body.note(), "note", 1000);
        Batch batch = batches.save(new Batch(part.getId(), warehouse.getId(), receivedOn, quantity, body.unitCost(),
                actor.username(), clock.instant()));
        movements.save(new Movement(batch, Movement.Kind.RECEIPT, quantity, null, null, null, actor.username(),
                clock.instant(), note));
        alarm.afterIncoming(part);
        return batch.getId();
    }
}
