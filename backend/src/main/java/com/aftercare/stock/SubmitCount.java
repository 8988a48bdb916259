package com.aftercare.stock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/**
 * The keeper hands the count sheet to the supervisor: every line counted, every difference with its reason
 * (400 naming each line that lacks one). A second submit is 409.
 */
@Service
public class SubmitCount {

    private final StockCountRepository counts;
    private final CountLineRepository lines;
    private final Clock clock;

    SubmitCount(StockCountRepository counts, CountLineRepository lines, Clock clock) {
        this.counts = counts;
        this.lines = lines;
        this.clock = clock;
    }

    @Transactional
    public void submit(Actor actor, long countId) {
        actor.require(Actor.KEEPERS, "count stock");
        StockCount count = counts.findById(countId).orElseThrow(() -> new NotFoundException("No count " + countId));
        count.requireCounting();
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        List<CountLine> sheet = lines.findByCountIdOrderByPartIdAscBatchIdAsc(countId);
        for (int i = 0; i < sheet.size(); i++) {
            CountLine line = sheet.get(i);
            if (line.getCounted() == null) {
                errors.add(new BadRequestException.FieldError("lines[" + i + "].counted", "not counted yet (line " + line.getId() + ")"));
            } else if (line.difference() != 0 && line.getReason() == null) {
                errors.add(new BadRequestException.FieldError("lines[" + i + "].reason",
                        "a difference of " + line.difference() + " needs a reason (line " + line.getId() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        count.submit(actor.username(), clock.instant());
        counts.saveAndFlush(count);
    }
}
