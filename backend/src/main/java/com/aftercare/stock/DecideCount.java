package com.aftercare.stock;

import java.util.Map;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/**
 * The supervisor approves a submitted count (each difference becomes an ADJUSTMENT of its batch, never below zero)
 * or sends it back for a recount with a reason. A second decision is 409.
 */
@Service
public class DecideCount {

    public record CountDecision(Boolean approved, String reason) {
    }

    private final StockCountRepository counts;
    private final CountLineRepository lines;
    private final BatchRepository batches;
    private final PartRepository parts;
    private final MovementRepository movements;
    private final CheckAlarmLevel alarm;
    private final Clock clock;

    DecideCount(StockCountRepository counts, CountLineRepository lines, BatchRepository batches, PartRepository parts,
            MovementRepository movements, CheckAlarmLevel alarm, Clock clock) {
        this.counts = counts;
        this.lines = lines;
        this.batches = batches;
        this.parts = parts;
        this.movements = movements;
        this.alarm = alarm;
        this.clock = clock;
    }

    @Transactional
    public void decide(Actor actor, long countId, CountDecision body) {
        actor.require(Actor.APPROVERS, "approve stock counts");
        StockCount count = counts.findById(countId).orElseThrow(() -> new NotFoundException("No count " + countId));
        if (body.approved() == null) {
            throw new BadRequestException("approved", "required");
        }
        String reason = Text.optional(body.reason(), "reason", 1000);
        if (!body.approved() && reason == null) {
            throw new BadRequestException("reason", "say what to recount");
        }
        count.decide(body.approved(), reason, actor.username(), clock.instant());
        counts.saveAndFlush(count);
        if (!body.approved()) {
            return;
        }
        Set<Long> changedParts = new HashSet<>();
        try {
            for (CountLine line : lines.findByCountIdOrderByPartIdAscBatchIdAsc(countId)) {
                int delta = line.difference();
                if (delta == 0) {
                    continue;
                }
                if (batches.adjust(line.getBatchId(), delta) != 1) {
                    throw ConflictException.of("batchIssuedDuringCount", Map.of("batch", line.getBatchId()));
                }
                Batch batch = batches.findById(line.getBatchId()).orElseThrow();
                movements.save(new Movement(batch, Movement.Kind.ADJUSTMENT, delta, null, countId, null, actor.username(),
                        clock.instant(), line.getReason()));
                changedParts.add(line.getPartId());
            }
        } catch (DataIntegrityViolationException e) {
            throw ConflictException.of("countBelowZero");
        }
        for (Long partId : changedParts) {
            Part part = parts.findById(partId).orElseThrow();
            alarm.afterOutgoing(part);
            alarm.afterIncoming(part);
        }
    }
}
