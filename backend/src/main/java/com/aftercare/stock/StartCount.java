package com.aftercare.stock;

import java.util.Map;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;

/**
 * Opens the month's count sheet of a warehouse: one line per batch with stock, expecting what the books hold now.
 * One count per warehouse and month (a second is 409; a rejected one is recounted on the same sheet).
 */
@Service
public class StartCount {

    /** month: yyyy-MM, not after the current month. */
    public record NewCount(Long warehouseId, String month) {
    }

    private final WarehouseRepository warehouses;
    private final BatchRepository batches;
    private final StockCountRepository counts;
    private final CountLineRepository lines;
    private final Clock clock;

    StartCount(WarehouseRepository warehouses, BatchRepository batches, StockCountRepository counts, CountLineRepository lines,
            Clock clock) {
        this.warehouses = warehouses;
        this.batches = batches;
        this.counts = counts;
        this.lines = lines;
        this.clock = clock;
    }

    @Transactional
    public long start(Actor actor, NewCount body) {
        actor.require(Actor.KEEPERS, "count stock");
        Warehouse warehouse = warehouses.findById(Text.id(body.warehouseId(), "warehouseId"))
                .orElseThrow(() -> new BadRequestException("warehouseId", "no such warehouse"));
        String raw = Text.required(body.month(), "month", 7);
        YearMonth month;
        try {
            month = YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("month", "a month as yyyy-MM");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new BadRequestException("month", "cannot be in the future");
        }
        if (counts.findByWarehouseIdAndMonth(warehouse.getId(), month.toString()).isPresent()) {
            throw ConflictException.of("countExists", Map.of("warehouse", warehouse.getCode(), "month", month));
        }
        StockCount count = counts.saveAndFlush(new StockCount(warehouse.getId(), month.toString(), actor.username(),
                clock.instant()));
        for (Batch batch : batches.findByWarehouseIdAndRemainingGreaterThanOrderByPartIdAscReceivedOnAscIdAsc(warehouse.getId(), 0)) {
            lines.save(new CountLine(count.getId(), batch));
        }
        return count.getId();
    }
}
