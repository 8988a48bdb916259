package com.aftercare.stock;

import java.util.Map;
import java.time.Clock;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/**
 * The stock keeper issues an approved requisition: first in, first out across the part's batches in the
 * requisition's warehouse (003: 材料出库必须遵循先入后出的原则). Each batch is taken by a conditional update that
 * only succeeds while the batch still has the amount, so two issues racing for the last unit cannot both have
 * it: the second finds too little and gets 409, and its whole transaction (the requisition's status included)
 * rolls back. One ISSUE line in the ledger per batch taken. A requisition for a case is issued only once the owner
 * approved the case's parts (FW-5, {@link CasePartsApproval}); until then 409, and nothing moves.
 */
@Service
public class IssueParts {

    private final RequisitionRepository requisitions;
    private final PartRepository parts;
    private final BatchRepository batches;
    private final MovementRepository movements;
    private final CheckAlarmLevel alarm;
    private final CasePartsApproval approval;
    private final Clock clock;

    IssueParts(RequisitionRepository requisitions, PartRepository parts, BatchRepository batches, MovementRepository movements,
            CheckAlarmLevel alarm, CasePartsApproval approval, Clock clock) {
        this.approval = approval;
        this.requisitions = requisitions;
        this.parts = parts;
        this.batches = batches;
        this.movements = movements;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Transactional
    public void issue(Actor actor, long requisitionId) {
        actor.require(Actor.KEEPERS, "issue parts");
        Requisition requisition = requisitions.findById(requisitionId)
                .orElseThrow(() -> new NotFoundException("No requisition " + requisitionId));
        requisition.issued(actor.username(), clock.instant());
        if (requisition.getTicketId() != null && !approval.partsApproved(requisition.getTicketId())) {
            throw ConflictException.of("partsNotApproved", Map.of("requisition", requisitionId));
        }
        Part part = parts.findById(requisition.getPartId()).orElseThrow();
        int needed = requisition.getQuantity();
        try {
            List<Batch> fifo = batches.fifo(requisition.getPartId(), requisition.getWarehouseId());
            for (Batch batch : fifo) {
                if (needed == 0) {
                    break;
                }
                int take = Math.min(needed, batch.getRemaining());
                if (batches.take(batch.getId(), take) != 1) {
                    // another issue took from this batch since we read it: too little left for this one
                    throw ConflictException.of("stockChangedWhileIssuing", Map.of("part", part.getPartNumber(), "requisition", requisitionId));
                }
                movements.save(new Movement(batch, Movement.Kind.ISSUE, -take, requisitionId, null, requisition.getTicketId(),
                        actor.username(), clock.instant(), null));
                needed -= take;
            }
            if (needed > 0) {
                throw ConflictException.of("notEnoughStockOf", Map.of("part", part.getPartNumber(), "requisition", requisitionId,
                        "available", requisition.getQuantity() - needed, "wanted", requisition.getQuantity()));
            }
            requisitions.saveAndFlush(requisition);
        } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
            // the database refused to go below zero (CHECK) or gave up waiting for the other issue's lock
            throw ConflictException.of("notEnoughStock", Map.of("part", part.getPartNumber(), "requisition", requisitionId));
        }
        alarm.afterOutgoing(part);
    }
}
