package com.aftercare.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * 系统可用率 and 设备完好率 count a device from its commissioning day (投入使用日期, README "KPI dashboard"). Hand count
 * for September 2026 in Asia/Shanghai (30 days = 43 200 minutes):
 *
 * <pre>
 * D1  no commissioning day            counts the whole month   43 200 minutes
 * D2  commissioned 09-16              counts 09-16 00:00 on    21 600 minutes (15 days)
 *     fault received 09-10 08:00, resolved 09-17 00:00: down only from 09-16 00:00 = 1 440 minutes
 * D3  commissioned 10-05              not in service in September: no minutes, not in good order, its open fault ignored
 * availability  (43 200 + 21 600 - 1 440) / (43 200 + 21 600) = 63 360 / 64 800
 * good order    D1, D2 in service at the month's end, no fault open on either = 2 / 2
 * </pre>
 * and until its retirement day (停用), aRetiredDeviceCountsUntilItsRetirementDayAndIsNoLongerInGoodOrder.
 */
class KpiCommissioningTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String shanghai) {
        return LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant();
    }

    private static CaseFacts fault(long id, long device, Instant received, Instant resolved) {
        return new CaseFacts(id, 1, true, "DEFECT", "3", device, received, resolved == null ? List.of() : List.of(resolved),
                List.of(), List.of(), null, false, false, false, false);
    }

    @Test
    void aDeviceCountsFromItsCommissioningDayProRata() {
        Instant from = at("2026-09-01T00:00");
        Instant to = at("2026-10-01T00:00");
        List<KpiCalculator.Device> devices = List.of(new KpiCalculator.Device(1, null),
                new KpiCalculator.Device(2, at("2026-09-16T00:00")), new KpiCalculator.Device(3, at("2026-10-05T00:00")));
        List<CaseFacts> cases = List.of(fault(10, 2, at("2026-09-10T08:00"), at("2026-09-17T00:00")),
                fault(11, 3, at("2026-09-20T08:00"), null));

        KpiMonth m = KpiCalculator.compute(YearMonth.of(2026, 9), from, to, cases, devices, Map.of());

        KpiMonth.Figure availability = m.figure(KpiName.AVAILABILITY);
        assertThat(availability.denominator()).isEqualTo(64_800);
        assertThat(availability.numerator()).isEqualTo(63_360);
        assertThat(m.drills().get(KpiName.AVAILABILITY).against()).containsExactly(10L);
        KpiMonth.Figure goodOrder = m.figure(KpiName.GOOD_ORDER);
        assertThat(goodOrder.numerator()).isEqualTo(2);
        assertThat(goodOrder.denominator()).isEqualTo(2);
    }

    @Test
    void withoutCommissioningDaysEveryDeviceCountsTheWholeMonthAsBefore() {
        Instant from = at("2026-09-01T00:00");
        Instant to = at("2026-10-01T00:00");
        KpiMonth m = KpiCalculator.compute(YearMonth.of(2026, 9), from, to,
                List.of(fault(10, 2, at("2026-09-10T08:00"), at("2026-09-17T00:00"))), KpiCalculator.Device.always(List.of(1L, 2L)),
                Map.of());
        assertThat(m.figure(KpiName.AVAILABILITY).denominator()).isEqualTo(86_400);
        assertThat(m.figure(KpiName.AVAILABILITY).numerator()).isEqualTo(86_400 - 6 * 1440 - 16 * 60);
    }

    @Test
    void aDeviceCommissionedOnTheLastDayIsInGoodOrderAndOneCommissionedAfterIsNot() {
        Instant from = at("2026-09-01T00:00");
        Instant to = at("2026-10-01T00:00");
        KpiMonth m = KpiCalculator.compute(YearMonth.of(2026, 9), from, to, List.of(),
                List.of(new KpiCalculator.Device(1, at("2026-09-30T00:00")), new KpiCalculator.Device(2, at("2026-10-01T00:00"))),
                Map.of());
        assertThat(m.figure(KpiName.GOOD_ORDER).denominator()).isEqualTo(1);
        assertThat(m.figure(KpiName.AVAILABILITY).denominator()).isEqualTo(1440);
    }

    /**
     * September 2026 again:
     * <pre>
     * D1  in service                      43 200 minutes, at the month's end
     * D4  retired 09-21                   09-01 to 09-21 00:00 = 28 800 minutes; its fault open since 09-19 08:00 is
     *                                     down until it left service: 40 h = 2 400 minutes; not at the month's end
     * D5  retired 09-01                   retired at the window's start: no minutes, not in good order
     * D6  retired 10-01                   the whole month (43 200) and at its end
     * availability  (43 200 + 28 800 + 43 200 - 2 400) / 115 200 = 112 800 / 115 200
     * good order    D1, D6 = 2 / 2 (D4's open fault is not held against the month's end)
     * </pre>
     */
    @Test
    void aRetiredDeviceCountsUntilItsRetirementDayAndIsNoLongerInGoodOrder() {
        Instant from = at("2026-09-01T00:00");
        Instant to = at("2026-10-01T00:00");
        List<KpiCalculator.Device> devices = List.of(new KpiCalculator.Device(1, null),
                new KpiCalculator.Device(4, null, at("2026-09-21T00:00")),
                new KpiCalculator.Device(5, at("2026-03-01T00:00"), at("2026-09-01T00:00")),
                new KpiCalculator.Device(6, null, at("2026-10-01T00:00")));
        List<CaseFacts> cases = List.of(fault(12, 4, at("2026-09-19T08:00"), null), fault(13, 5, at("2026-09-05T08:00"), null));

        KpiMonth m = KpiCalculator.compute(YearMonth.of(2026, 9), from, to, cases, devices, Map.of());

        KpiMonth.Figure availability = m.figure(KpiName.AVAILABILITY);
        assertThat(availability.denominator()).isEqualTo(115_200);
        assertThat(availability.numerator()).isEqualTo(112_800);
        assertThat(m.drills().get(KpiName.AVAILABILITY).against()).containsExactly(12L);
        KpiMonth.Figure goodOrder = m.figure(KpiName.GOOD_ORDER);
        assertThat(goodOrder.numerator()).isEqualTo(2);
        assertThat(goodOrder.denominator()).isEqualTo(2);
        assertThat(m.drills().get(KpiName.GOOD_ORDER).against()).isEmpty();

        // October: D4 and D5 long gone, D6 retired on its first day: only D1 counts
        KpiMonth october = KpiCalculator.compute(YearMonth.of(2026, 10), to, at("2026-11-01T00:00"), cases, devices, Map.of());
        assertThat(october.figure(KpiName.AVAILABILITY).denominator()).isEqualTo(31 * 1440);
        assertThat(october.figure(KpiName.GOOD_ORDER).denominator()).isEqualTo(1);
    }
}
