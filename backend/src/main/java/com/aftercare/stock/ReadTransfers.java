package com.aftercare.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.PersonNames;

import io.swagger.v3.oas.annotations.media.Schema;

/** The transfers between warehouses, newest first, for everyone who may see the stock. */
@Service
@Transactional(readOnly = true)
public class ReadTransfers {

    /** A list stays a page a keeper can read; older transfers are in the stock ledger. */
    static final int MAX_LISTED = 500;

    @Schema(name = "StockTransferLine")
    public record LineView(LocalDate receivedOn, int quantity, BigDecimal unitCost) {
    }

    /** canReceive: the signed-in user may confirm its arrival now. */
    @Schema(name = "StockTransferView")
    public record TransferView(long id, String number, long partId, String partNumber, String partName, long fromWarehouseId,
            String fromWarehouseName, long toWarehouseId, String toWarehouseName, int quantity, TransferStatus status,
            String note, String shippedBy, String shippedByName, Instant shippedAt, String receivedBy, String receivedByName,
            Instant receivedAt, String receiveNote, List<LineView> lines, boolean canReceive, String cancelledBy,
            String cancelledByName, Instant cancelledAt, String cancelReason, boolean canCancel) {
    }

    private final TransferRepository transfers;
    private final TransferLineRepository lines;
    private final PartRepository parts;
    private final WarehouseRepository warehouses;
    private final PersonNames names;

    ReadTransfers(TransferRepository transfers, TransferLineRepository lines, PartRepository parts,
            WarehouseRepository warehouses, PersonNames names) {
        this.transfers = transfers;
        this.lines = lines;
        this.parts = parts;
        this.warehouses = warehouses;
        this.names = names;
    }

    public List<TransferView> list(Actor actor, TransferStatus status) {
        actor.require(Actor.READERS, "see the stock");
        return views(actor, transfers.list(status, PageRequest.of(0, MAX_LISTED)));
    }

    public TransferView one(Actor actor, long id) {
        actor.require(Actor.READERS, "see the stock");
        Transfer transfer = transfers.findById(id).orElseThrow(() -> new NotFoundException("No transfer " + id));
        return views(actor, List.of(transfer)).get(0);
    }

    private List<TransferView> views(Actor actor, List<Transfer> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<LineView>> linesOf = lines.findByTransferIdInOrderByIdAsc(ids(list, Transfer::getId)).stream()
                .collect(Collectors.groupingBy(TransferLine::getTransferId,
                        Collectors.mapping(l -> new LineView(l.getReceivedOn(), l.getQuantity(), l.getUnitCost()),
                                Collectors.toList())));
        Map<Long, Part> partsById = parts.findAllById(ids(list, Transfer::getPartId)).stream()
                .collect(Collectors.toMap(Part::getId, p -> p));
        Map<Long, Warehouse> stores = warehouses.findAll().stream().collect(Collectors.toMap(Warehouse::getId, w -> w));
        boolean keeper = actor.roles().stream().anyMatch(Actor.KEEPERS::contains);
        return list.stream().map(t -> {
            Part part = partsById.get(t.getPartId());
            return new TransferView(t.getId(), t.number(), t.getPartId(), part.getPartNumber(), part.getName(),
                    t.getFromWarehouseId(), stores.get(t.getFromWarehouseId()).getName(), t.getToWarehouseId(),
                    stores.get(t.getToWarehouseId()).getName(), t.getQuantity(), t.getStatus(), t.getNote(),
                    t.getShippedBy(), names.of(t.getShippedBy()), t.getShippedAt(), t.getReceivedBy(),
                    t.getReceivedBy() == null ? null : names.of(t.getReceivedBy()), t.getReceivedAt(), t.getReceiveNote(),
                    linesOf.getOrDefault(t.getId(), List.of()), keeper && t.getStatus() == TransferStatus.IN_TRANSIT,
                    t.getCancelledBy(), t.getCancelledBy() == null ? null : names.of(t.getCancelledBy()), t.getCancelledAt(),
                    t.getCancelReason(), keeper && t.getStatus() == TransferStatus.IN_TRANSIT);
        }).toList();
    }

    private static Collection<Long> ids(List<Transfer> list, Function<Transfer, Long> id) {
        return list.stream().map(id).collect(Collectors.toSet());
    }
}
