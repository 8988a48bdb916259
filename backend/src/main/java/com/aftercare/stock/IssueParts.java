package com.aftercare.stock;

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
            throw new ConflictException("The owner has not approved the parts of case " + requisition.getTicketId()
                    + " yet (FW-5); requisition " + requisitionId + " waits for that approval");
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
                    throw new ConflictException("The stock of " + part.getPartNumber()
                            + " changed while issuing; not enough left for requisition " + requisitionId);
                }
                movements.save(new Movement(batch, Movement.Kind.ISSUE, -take, requisitionId, null, requisition.getTicketId(),
                        actor.username(), clock.instant(), null));
                needed -= take;
            }
            if (needed > 0) {
                throw new ConflictException("Not enough " + part.getPartNumber() + " in stock for requisition " + requisitionId
                        + ": " + (requisition.getQuantity() - needed) + " of " + requisition.getQuantity() + " available");
            }
            requisitions.saveAndFlush(requisition);
        } catch (PessimisticLockingFailureException | DataIntegrityViolationException e) {
            // the database refused to go below zero (CHECK) or gave up waiting for the other issue's lock
            throw new ConflictException("Not enough " + part.getPartNumber() + " in stock for requisition " + requisitionId);
        }
        alarm.afterOutgoing(part);
    }
}
