package com.aftercare.sla;

import static com.aftercare.calendar.Times.bj;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.aftercare.asset.Region;
import com.aftercare.calendar.BusinessCalendar;
import com.aftercare.calendar.HolidayCalendar;
import com.aftercare.calendar.WeeklySchedule;
import com.aftercare.sla.PolicyDefinition.ClockSpec;
import com.aftercare.sla.PolicyDefinition.EscalationStep;
import com.aftercare.sla.PolicyDefinition.LevelSpec;

/** The replay of milestones into clocks, without database or engine. Times are Beijing local. */
class ClockCalculatorTest {

    private static final BusinessCalendar OFFICE = BusinessCalendar.of(WeeklySchedule.officeHours(), HolidayCalendar.defaults());
    private static final List<EscalationStep> LADDER = List.of(
            new EscalationStep("WARNING", 75, List.of(RecipientRole.DESK_LEAD), null),
            new EscalationStep("BREACH", 100, List.of(RecipientRole.PROJECT_MANAGER), Duration.ofHours(1)));

    private final List<Milestone> milestones = new ArrayList<>();
    private long ids;

    private static PolicyDefinition policy(ClockSpec... clocks) {
        return new PolicyDefinition("test", "faultLevel", List.of(new LevelSpec("1", "L1", List.of(clocks))), List.of(),
                PolicyDefinition.PAUSE_REASONS, LADDER);
    }

    private static ClockSpec natural(ClockName clock, String target) {
        return new ClockSpec(clock, Duration.parse(target), null, TimeBasis.NATURAL, null, null);
    }

    private void at(String local, MilestoneKind kind) {
        at(local, kind, null);
    }

    private void at(String local, MilestoneKind kind, String detail) {
        Milestone m = new Milestone(1L, kind, bj(local), "t", detail);
        try {
            var id = Milestone.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(m, ++ids);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        milestones.add(m);
    }

    private ClockStatus clock(PolicyDefinition policy, ClockName name, String now) {
        return clock(policy, name, now, List.of(), Region.CITY);
    }

    private ClockStatus clock(PolicyDefinition policy, ClockName name, String now, List<ClockLog> logs, Region region) {
        return new ClockCalculator(policy, OFFICE).clocks(new ClockCalculator.Subject("1", region), milestones, logs, bj(now))
                .stream().filter(c -> c.clock() == name).findFirst().orElseThrow();
    }

    @Test
    void workingTimeResponsePausedOverTheWeekendKeepsItsRemainingTime() {
        PolicyDefinition p = policy(new ClockSpec(ClockName.RESPONSE, Duration.ofHours(2), null, TimeBasis.WORKING, null, null));
        at("2026-03-13T17:00", MilestoneKind.RECEIVED);   // Fri: 1 h of office time left today
        at("2026-03-13T17:30", MilestoneKind.PAUSED, "WAITING_CUSTOMER");
        ClockStatus paused = clock(p, ClockName.RESPONSE, "2026-03-14T10:00");
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(paused.remaining()).isEqualTo(Duration.ofMinutes(90));
        assertThat(paused.dueAt()).isNull();

        at("2026-03-16T11:00", MilestoneKind.RESUMED); // Mon 11:00 + 1.5 h, over the lunch break
        ClockStatus resumed = clock(p, ClockName.RESPONSE, "2026-03-16T11:05");
        assertThat(resumed.dueAt()).isEqualTo(bj("2026-03-16T13:30"));
        assertThat(resumed.paused()).isEqualTo(Duration.between(bj("2026-03-13T17:30"), bj("2026-03-16T11:00")));
        assertThat(resumed.risk()).isEqualTo(ClockStatus.Risk.OK);
    }

    @Test
    void aPauseWithNoEndAheadOfNowReadsAsPausedInsteadOfFailing() {
        PolicyDefinition p = policy(natural(ClockName.RESPONSE, "PT2H"));
        at("2026-03-10T10:00", MilestoneKind.RECEIVED);
        at("2026-03-10T11:00", MilestoneKind.PAUSED, "WAITING_CUSTOMER");
        ClockStatus before = clock(p, ClockName.RESPONSE, "2026-03-10T10:30");
        assertThat(before.state()).isEqualTo(ClockState.PAUSED);
        assertThat(before.dueAt()).isNull();
        assertThat(before.remaining()).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void stoppedLateIsMissedWithANegativeMarginAndResolvedBeforeArrivalMeansOnSiteNotNeeded() {
        PolicyDefinition p = policy(natural(ClockName.RESPONSE, "PT30M"), natural(ClockName.ON_SITE, "PT4H"));
        at("2026-03-10T10:00", MilestoneKind.RECEIVED);
        at("2026-03-10T10:40", MilestoneKind.RESPONDED);
        at("2026-03-10T11:00", MilestoneKind.RESOLVED);
        ClockStatus response = clock(p, ClockName.RESPONSE, "2026-03-10T12:00");
        assertThat(response.state()).isEqualTo(ClockState.MISSED);
        assertThat(response.margin()).isEqualTo(Duration.ofMinutes(-10));
        assertThat(clock(p, ClockName.ON_SITE, "2026-03-10T12:00").state()).isEqualTo(ClockState.NOT_NEEDED);
    }

    @Test
    void riskTurnsAtTheWarningShareAndTheNextRungIsTheBreachThenItsRepeat() {
        PolicyDefinition p = policy(natural(ClockName.RESPONSE, "PT40M"));
        at("2026-03-10T10:00", MilestoneKind.RECEIVED);
        assertThat(clock(p, ClockName.RESPONSE, "2026-03-10T10:29").risk()).isEqualTo(ClockStatus.Risk.OK);
        ClockStatus atRisk = clock(p, ClockName.RESPONSE, "2026-03-10T10:30");
        assertThat(atRisk.risk()).isEqualTo(ClockStatus.Risk.AT_RISK);
        assertThat(atRisk.nextEscalationAt()).isEqualTo(bj("2026-03-10T10:30"));

        List<ClockLog> logs = List.of(new ClockLog(1L, ClockName.RESPONSE, ClockLog.Kind.ESCALATED, bj("2026-03-10T10:30"),
                bj("2026-03-10T10:30"), 1, "WARNING", null));
        assertThat(clock(p, ClockName.RESPONSE, "2026-03-10T10:31", logs, Region.CITY).nextEscalationAt())
                .isEqualTo(bj("2026-03-10T10:40"));
        List<ClockLog> breached = new ArrayList<>(logs);
        breached.add(new ClockLog(1L, ClockName.RESPONSE, ClockLog.Kind.ESCALATED, bj("2026-03-10T10:41"), bj("2026-03-10T10:40"), 2,
                "BREACH", null));
        ClockStatus overdue = clock(p, ClockName.RESPONSE, "2026-03-10T10:45", breached, Region.CITY);
        assertThat(overdue.state()).isEqualTo(ClockState.BREACHED);
        assertThat(overdue.remaining()).isEqualTo(Duration.ofMinutes(-5));
        assertThat(overdue.nextEscalationAt()).isEqualTo(bj("2026-03-10T11:41")); // repeat 1 h after the breach notice
    }

    @Test
    void executionConfirmedRestartsOnEachDispatchAndRegionTargetsApply() {
        PolicyDefinition p = policy(natural(ClockName.EXECUTION_CONFIRMED, "PT30M"),
                new ClockSpec(ClockName.ON_SITE, Duration.ofHours(2), null, null, Map.of(Region.COUNTY, Duration.ofHours(24)), null));
        at("2026-03-10T10:00", MilestoneKind.RECEIVED);
        at("2026-03-10T10:05", MilestoneKind.DISPATCHED);
        at("2026-03-10T10:20", MilestoneKind.DELAY_REPORTED);
        at("2026-03-10T10:25", MilestoneKind.DISPATCHED);
        ClockStatus second = clock(p, ClockName.EXECUTION_CONFIRMED, "2026-03-10T10:30");
        assertThat(second.startedAt()).isEqualTo(bj("2026-03-10T10:25"));
        assertThat(second.dueAt()).isEqualTo(bj("2026-03-10T10:55"));
        assertThat(clock(p, ClockName.ON_SITE, "2026-03-10T10:30", List.of(), Region.COUNTY).dueAt()).isEqualTo(bj("2026-03-11T10:00"));
    }

    @Test
    void aClockTheLevelDoesNotHaveIsNotApplicable() {
        PolicyDefinition p = new PolicyDefinition("test", "faultLevel", List.of(
                new LevelSpec("1", "L1", List.of(natural(ClockName.CONTINGENCY_PLAN, "PT16H"))),
                new LevelSpec("2", "L2", List.of(natural(ClockName.RESPONSE, "PT30M")))), List.of(), Set.of(), LADDER);
        at("2026-03-10T10:00", MilestoneKind.RECEIVED);
        ClockStatus contingency = new ClockCalculator(p, OFFICE).clocks(new ClockCalculator.Subject("2", Region.CITY), milestones,
                List.of(), bj("2026-03-10T11:00")).stream().filter(c -> c.clock() == ClockName.CONTINGENCY_PLAN).findFirst().orElseThrow();
        assertThat(contingency.applicable()).isFalse();
        assertThat(contingency.state()).isEqualTo(ClockState.NOT_STARTED);
    }
}
