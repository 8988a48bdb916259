package com.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The window in which a new case's "clocks changed" signals are skipped (ADR 0053): only while its report is being
 * recorded on this thread and only until its escalation has read the clocks. A signal outside it must go out.
 */
class CaseOpeningTest {

    @Test
    void signalsAreSkippedOnlyUntilTheEscalationHasReadTheClocks() {
        assertThat(CaseOpening.unwatched(7L)).isFalse();
        boolean[] seen = new boolean[4];
        CaseOpening.open(7L, () -> {
            seen[0] = CaseOpening.unwatched(7L);
            seen[1] = CaseOpening.unwatched(8L); // another ticket is signalled as ever
            CaseOpening.watched(7L); // the escalation evaluated: a milestone from now on must reach it
            seen[2] = CaseOpening.unwatched(7L);
            return null;
        });
        seen[3] = CaseOpening.unwatched(7L);
        assertThat(seen).containsExactly(true, false, false, false);
    }

    @Test
    void theWindowClosesWhenTheReportFailsAndBelongsToItsThread() throws Exception {
        assertThatThrownBy(() -> CaseOpening.open(9L, () -> {
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(CaseOpening.unwatched(9L)).isFalse();

        boolean otherThread = CaseOpening.open(10L, () -> CompletableFuture.supplyAsync(() -> CaseOpening.unwatched(10L)).join());
        assertThat(otherThread).isFalse();
    }

    /**
     * ADR 0074: the first evaluation takes the opening's milestones from here instead of querying them, so it must get
     * every one of them, in the order the repository reads them (time, then id), and nothing of another ticket or from
     * after the handover; a ticket that is not being opened gets null (its evaluation queries as ever).
     */
    @Test
    void theOpeningsMilestonesAreHandedToTheFirstEvaluationInReadOrder() {
        Instant t0 = Instant.parse("2026-12-05T08:00:00Z");
        Milestone received = milestone(1L, 11L, MilestoneKind.RECEIVED, t0);
        Milestone level = milestone(1L, 13L, MilestoneKind.LEVEL, t0.plusSeconds(1));
        Milestone firstLine = milestone(1L, 12L, MilestoneKind.FIRST_LINE_STARTED, t0.plusSeconds(1));
        Milestone other = milestone(2L, 14L, MilestoneKind.RECEIVED, t0);
        List<List<Milestone>> handed = new java.util.ArrayList<>();
        CaseOpening.open(1L, () -> {
            CaseOpening.recorded(level);
            CaseOpening.recorded(received);
            CaseOpening.recorded(other); // another ticket, not being opened here
            CaseOpening.recorded(firstLine);
            handed.add(CaseOpening.watched(1L));
            CaseOpening.recorded(milestone(1L, 15L, MilestoneKind.PAUSED, t0.plusSeconds(2))); // watched: signalled, not kept
            handed.add(CaseOpening.watched(1L));
            return null;
        });
        assertThat(handed.get(0)).containsExactly(received, firstLine, level);
        assertThat(handed.get(1)).isNull();
        assertThat(CaseOpening.watched(2L)).isNull();
    }

    private static Milestone milestone(Long ticketId, Long id, MilestoneKind kind, Instant at) {
        Milestone m = new Milestone(ticketId, kind, at, "desk", null);
        ReflectionTestUtils.setField(m, "id", id);
        return m;
    }
}
