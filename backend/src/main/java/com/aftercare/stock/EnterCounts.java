package com.aftercare.stock;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.NotFoundException;

/** The keeper enters counted quantities (and the reason for each difference) while the count is open. */
@Service
public class EnterCounts {

    public record CountEntry(Long lineId, Integer counted, String reason) {
    }

    public record CountEntries(List<CountEntry> lines) {
    }

    private final StockCountRepository counts;
    private final CountLineRepository lines;

    EnterCounts(StockCountRepository counts, CountLineRepository lines) {
        this.counts = counts;
        this.lines = lines;
    }

    @Transactional
    public void enter(Actor actor, long countId, CountEntries body) {
        actor.require(Actor.KEEPERS, "count stock");
        StockCount count = counts.findById(countId).orElseThrow(() -> new NotFoundException("No count " + countId));
        count.requireCounting();
        if (body.lines() == null || body.lines().isEmpty()) {
            throw new BadRequestException("lines", "required");
        }
        Map<Long, CountLine> sheet = lines.findByCountIdOrderByPartIdAscBatchIdAsc(countId).stream()
                .collect(Collectors.toMap(CountLine::getId, Function.identity()));
        for (int i = 0; i < body.lines().size(); i++) {
            CountEntry entry = body.lines().get(i);
            String at = "lines[" + i + "]";
            if (entry == null || entry.lineId() == null) {
                throw new BadRequestException(at + ".lineId", "required");
            }
            CountLine line = sheet.get(entry.lineId());
            if (line == null) {
                throw new BadRequestException(at + ".lineId", "not a line of this count");
            }
            if (entry.counted() != null && (entry.counted() < 0 || entry.counted() > 1_000_000)) {
                throw new BadRequestException(at + ".counted", "must be between 0 and 1000000");
            }
            line.enter(entry.counted(), Text.optional(entry.reason(), at + ".reason", 1000));
        }
        lines.flush();
    }
}
