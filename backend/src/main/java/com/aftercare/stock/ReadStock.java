package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.Role;

/** What the stock pages and API show: levels with alarm and stale marks, stale batches, requisitions, counts, ledger. */
@Service
@Transactional(readOnly = true)
public class ReadStock {

    public record WarehouseView(long id, String code, String name) {
    }

    /** stale: received more than aftercare.stock.stale-after ago with stock left; ageDays since received. */
    public record BatchView(long id, long partId, String partNumber, String partName, String unit, long warehouseId,
            String warehouseCode, LocalDate receivedOn, int quantity, int remaining, BigDecimal unitCost, boolean stale,
            long ageDays) {
    }

    /** atAlarm: onHand (all warehouses) plus inTransit (shipped between two, not yet received) at or below alarmLevel. */
    public record PartView(long id, String partNumber, String name, String model, String unit, int alarmLevel, long onHand,
            long inTransit, boolean atAlarm, long staleQuantity, List<BatchView> batches) {
    }

    public record StaleStock(LocalDate staleBefore, String staleAfter, List<BatchView> batches) {
    }

    public record IssuedBatch(long batchId, LocalDate receivedOn, int quantity) {
    }

    public record RequisitionView(long id, long partId, String partNumber, String partName, String unit, long warehouseId,
            String warehouseCode, int quantity, Long ticketId, String purpose, String requestedBy, Instant requestedAt,
            String status, String decidedBy, Instant decidedAt, String rejectReason, String issuedBy, Instant issuedAt,
            List<IssuedBatch> issuedFrom) {
    }

    public record CountLineView(long id, long batchId, long partId, String partNumber, String partName, String unit,
            LocalDate receivedOn, int expected, Integer counted, Integer difference, String reason) {
    }

    public record CountView(long id, long warehouseId, String warehouseCode, String month, String status, String startedBy,
            String submittedBy, String decidedBy, String rejectReason, List<CountLineView> lines) {
    }

    public record MovementView(long id, long batchId, long partId, String partNumber, long warehouseId, String kind,
            int quantity, Long requisitionId, Long countId, Long ticketId, Long transferId, String movedBy, Instant movedAt,
            String note) {
    }

    private final WarehouseRepository warehouses;
    private final PartRepository parts;
    private final BatchRepository batches;
    private final RequisitionRepository requisitions;
    private final StockCountRepository counts;
    private final CountLineRepository lines;
    private final MovementRepository movements;
    private final TransferRepository transfers;
    private final StockSettings settings;
    private final Clock clock;

    ReadStock(WarehouseRepository warehouses, PartRepository parts, BatchRepository batches, RequisitionRepository requisitions,
            StockCountRepository counts, CountLineRepository lines, MovementRepository movements, TransferRepository transfers,
            StockSettings settings, Clock clock) {
        this.transfers = transfers;
        this.warehouses = warehouses;
        this.parts = parts;
        this.batches = batches;
        this.requisitions = requisitions;
        this.counts = counts;
        this.lines = lines;
        this.movements = movements;
        this.settings = settings;
        this.clock = clock;
    }

    /** Batches received before this day are stale (still holding stock). */
    public LocalDate staleBefore() {
        return LocalDate.now(clock).minus(settings.staleAfter());
    }

    public List<WarehouseView> warehouses(Actor actor) {
        actor.require(Actor.READERS, "see the stock");
        return warehouses.findAll().stream().sorted(Comparator.comparing(Warehouse::getCode))
                .map(w -> new WarehouseView(w.getId(), w.getCode(), w.getName())).toList();
    }

    public List<PartView> parts(Actor actor) {
        actor.require(Actor.READERS, "see the stock");
        Map<Long, Part> byId = partsById();
        Map<Long, Warehouse> stores = warehousesById();
        Map<Long, List<BatchView>> stock = batches.findByRemainingGreaterThanOrderByReceivedOnAscIdAsc(0).stream()
                .map(b -> view(b, byId, stores)).collect(Collectors.groupingBy(BatchView::partId));
        Map<Long, Long> onTheRoad = transfers.inTransitByPart();
        return byId.values().stream().sorted(Comparator.comparing(Part::getPartNumber)).map(p -> {
            List<BatchView> held = stock.getOrDefault(p.getId(), List.of());
            long onHand = held.stream().mapToLong(BatchView::remaining).sum();
            long stale = held.stream().filter(BatchView::stale).mapToLong(BatchView::remaining).sum();
            long inTransit = onTheRoad.getOrDefault(p.getId(), 0L);
            return new PartView(p.getId(), p.getPartNumber(), p.getName(), p.getModel(), p.getUnit(), p.getAlarmLevel(), onHand,
                    inTransit, onHand + inTransit <= p.getAlarmLevel(), stale, held);
        }).toList();
    }

    public StaleStock stale(Actor actor) {
        actor.require(Actor.READERS, "see the stock");
        LocalDate before = staleBefore();
        Map<Long, Part> byId = partsById();
        Map<Long, Warehouse> stores = warehousesById();
        return new StaleStock(before, settings.staleAfter().toString(),
                batches.findByRemainingGreaterThanAndReceivedOnBeforeOrderByReceivedOnAscIdAsc(0, before).stream()
                        .map(b -> view(b, byId, stores)).toList());
    }

    /** Engineers see their own requisitions; keepers and approvers all (the newest 200). */
    public List<RequisitionView> requisitions(Actor actor) {
        actor.require(Actor.READERS, "see requisitions");
        boolean all = actor.roles().stream().anyMatch(r -> Actor.KEEPERS.contains(r) || r == Role.PROCESS_OWNER);
        List<Requisition> list = all ? requisitions.findTop200ByOrderByRequestedAtDescIdDesc()
                : requisitions.findTop200ByRequestedByOrderByRequestedAtDescIdDesc(actor.username());
        Map<Long, Part> byId = partsById();
        Map<Long, Warehouse> stores = warehousesById();
        return list.stream().map(r -> view(r, byId, stores)).toList();
    }

    /**
     * The requisitions made for a case, oldest first, with the batches each was issued from (FW-5: the case shows which
     * batch its part came from). Any staff reader of the stock sees them; the case's visibility is the caller's check.
     */
    public List<RequisitionView> forCase(Actor actor, long ticketId) {
        actor.require(Actor.READERS, "see requisitions");
        Map<Long, Part> byId = partsById();
        Map<Long, Warehouse> stores = warehousesById();
        return requisitions.findByTicketIdOrderByIdAsc(ticketId).stream().map(r -> view(r, byId, stores)).toList();
    }

    public RequisitionView requisition(Actor actor, long id) {
        actor.require(Actor.READERS, "see requisitions");
        Requisition r = requisitions.findById(id).orElseThrow(() -> new NotFoundException("No requisition " + id));
        boolean all = actor.roles().stream().anyMatch(role -> Actor.KEEPERS.contains(role) || role == Role.PROCESS_OWNER);
        if (!all && !r.getRequestedBy().equals(actor.username())) {
            throw new NotFoundException("No requisition " + id);
        }
        return view(r, partsById(), warehousesById());
    }

    public List<CountView> counts(Actor actor) {
        actor.require(Actor.KEEPERS, "see stock counts");
        Map<Long, Warehouse> stores = warehousesById();
        return counts.findTop100ByOrderByIdDesc().stream().map(c -> view(c, List.of(), stores)).toList();
    }

    public CountView count(Actor actor, long id) {
        actor.require(Actor.KEEPERS, "see stock counts");
        StockCount c = counts.findById(id).orElseThrow(() -> new NotFoundException("No count " + id));
        Map<Long, Part> byId = partsById();
        List<CountLineView> sheet = lines.findByCountIdOrderByPartIdAscBatchIdAsc(id).stream().map(l -> {
            Part p = byId.get(l.getPartId());
            Batch b = batches.findById(l.getBatchId()).orElseThrow();
            return new CountLineView(l.getId(), l.getBatchId(), l.getPartId(), p.getPartNumber(), p.getName(), p.getUnit(),
                    b.getReceivedOn(), l.getExpected(), l.getCounted(), l.difference(), l.getReason());
        }).toList();
        return view(c, sheet, warehousesById());
    }

    public List<MovementView> movements(Actor actor, Long partId) {
        actor.require(Actor.KEEPERS, "see the stock ledger");
        Map<Long, Part> byId = partsById();
        List<Movement> list = partId == null ? movements.findTop200ByOrderByIdDesc() : movements.findByPartIdOrderByIdAsc(partId);
        return list.stream().map(m -> new MovementView(m.getId(), m.getBatchId(), m.getPartId(),
                byId.get(m.getPartId()).getPartNumber(), m.getWarehouseId(), m.getKind().name(), m.getQuantity(),
                m.getRequisitionId(), m.getCountId(), m.getTicketId(), m.getTransferId(), m.getMovedBy(), m.getMovedAt(), m.getNote())).toList();
    }

    private RequisitionView view(Requisition r, Map<Long, Part> byId, Map<Long, Warehouse> stores) {
        Part p = byId.get(r.getPartId());
        List<IssuedBatch> from = r.getStatus() != Requisition.Status.ISSUED ? List.of()
                : movements.findByRequisitionIdOrderByIdAsc(r.getId()).stream()
                        .map(m -> new IssuedBatch(m.getBatchId(), batches.findById(m.getBatchId()).orElseThrow().getReceivedOn(),
                                -m.getQuantity()))
                        .toList();
        return new RequisitionView(r.getId(), p.getId(), p.getPartNumber(), p.getName(), p.getUnit(), r.getWarehouseId(),
                stores.get(r.getWarehouseId()).getCode(), r.getQuantity(), r.getTicketId(), r.getPurpose(), r.getRequestedBy(),
                r.getRequestedAt(), r.getStatus().name(), r.getDecidedBy(), r.getDecidedAt(), r.getRejectReason(),
                r.getIssuedBy(), r.getIssuedAt(), from);
    }

    private CountView view(StockCount c, List<CountLineView> sheet, Map<Long, Warehouse> stores) {
        return new CountView(c.getId(), c.getWarehouseId(), stores.get(c.getWarehouseId()).getCode(), c.getMonth(),
                c.getStatus().name(), c.getStartedBy(), c.getSubmittedBy(), c.getDecidedBy(), c.getRejectReason(), sheet);
    }

    private BatchView view(Batch b, Map<Long, Part> byId, Map<Long, Warehouse> stores) {
        Part p = byId.get(b.getPartId());
        LocalDate today = LocalDate.now(clock);
        boolean stale = b.getRemaining() > 0 && b.getReceivedOn().isBefore(staleBefore());
        return new BatchView(b.getId(), p.getId(), p.getPartNumber(), p.getName(), p.getUnit(), b.getWarehouseId(),
                stores.get(b.getWarehouseId()).getCode(), b.getReceivedOn(), b.getQuantity(), b.getRemaining(), b.getUnitCost(),
                stale, ChronoUnit.DAYS.between(b.getReceivedOn(), today));
    }

    private Map<Long, Part> partsById() {
        return parts.findAll().stream().collect(Collectors.toMap(Part::getId, Function.identity()));
    }

    private Map<Long, Warehouse> warehousesById() {
        return warehouses.findAll().stream().collect(Collectors.toMap(Warehouse::getId, Function.identity()));
    }
}
