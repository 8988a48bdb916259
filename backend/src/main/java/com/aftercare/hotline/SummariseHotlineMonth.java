package com.aftercare.hotline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The month's answer rate (接通率, IN-10): answered calls over offered calls that started in the month, in the product's
 * zone, against the contract's 90 %; how many missed calls still wait for a callback; and the same per day.
 */
@Service
public class SummariseHotlineMonth {

    @Schema(name = "HotlineDay")
    public record Day(LocalDate date, long offered, long answered) {
    }

    /**
     * rate and met are absent when no call came in: no calls is not a 0 % month. replyDue: the month's missed calls whose
     * 30 minutes have passed or that were replied to; repliedInTime: those replied to within them; replyRate absent when
     * replyDue is 0 (seed 004: 半小时内回复客户电话).
     */
    @Schema(name = "HotlineSummary")
    public record Summary(String month, long offered, long answered, long missed, Double rate, double target, Boolean met,
            long missedOpen, long replyDue, long repliedInTime, Double replyRate, long replyMinutes, List<Day> days) {
    }

    private final HotlineCallRepository calls;
    private final Clock clock;

    SummariseHotlineMonth(HotlineCallRepository calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Summary summarise(String month) {
        HotlineDesk.require("read the hotline's figures");
        HotlineMonth m = HotlineMonth.of(month, clock);
        Object[] counts = calls.countBetween(m.from(), m.to()).get(0);
        long offered = ((Number) counts[0]).longValue();
        long answered = ((Number) counts[1]).longValue();
        Double rate = offered == 0 ? null : (double) answered / offered;
        // the per-day lines: every day of the month up to today (a past month whole, a future one empty)
        Map<LocalDate, long[]> byDay = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (LocalDate d = m.month().atDay(1); !d.isAfter(m.month().atEndOfMonth()) && !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new long[2]);
        }
        for (Object[] row : calls.startsBetween(m.from(), m.to())) {
            long[] day = byDay.get(((Instant) row[0]).atZone(clock.getZone()).toLocalDate());
            if (day != null) {
                day[0]++;
                day[1] += row[1] != null ? 1 : 0;
            }
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((d, n) -> days.add(new Day(d, n[0], n[1])));
        List<HotlineCall> missed = calls.missedBetween(m.from(), m.to());
        ReplyClock replies = ReplyClock.forCalls(missed, calls, clock.instant());
        long replyDue = 0;
        long inTime = 0;
        for (HotlineCall call : missed) {
            ReplyClock.Reply reply = replies.of(call);
            replyDue += reply.counted() ? 1 : 0;
            inTime += reply.inTime() ? 1 : 0;
        }
        return new Summary(m.month().toString(), offered, answered, offered - answered, rate, HotlineDesk.TARGET,
                rate == null ? null : rate >= HotlineDesk.TARGET - 1e-9, calls.countOpenMissed(m.from(), m.to()), replyDue,
                inTime, replyDue == 0 ? null : (double) inTime / replyDue, HotlineDesk.REPLY_WITHIN.toMinutes(), days);
    }
}
