package com.aftercare.stock;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/**
 * The purchasing supervisor (采购主管, role SUPERVISOR) approves a requisition, or rejects it with a reason. A second
 * decision is 409.
 */
@Service
public class DecideRequisition {

    public record RequisitionDecision(Boolean approved, String reason) {
    }

    private final RequisitionRepository requisitions;
    private final Clock clock;

    DecideRequisition(RequisitionRepository requisitions, Clock clock) {
        this.requisitions = requisitions;
        this.clock = clock;
    }

    @Transactional
    public void decide(Actor actor, long requisitionId, RequisitionDecision body) {
        actor.require(Actor.APPROVERS, "approve requisitions");
        Requisition requisition = requisitions.findById(requisitionId)
                .orElseThrow(() -> new NotFoundException("No requisition " + requisitionId));
        if (body.approved() == null) {
            throw new BadRequestException("approved", "required");
        }
        String reason = Text.optional(body.reason(), "reason", 1000);
        if (!body.approved() && reason == null) {
            throw new BadRequestException("reason", "say why the requisition is rejected");
        }
        requisition.decide(body.approved(), reason, actor.username(), clock.instant());
        requisitions.saveAndFlush(requisition);
    }
}
