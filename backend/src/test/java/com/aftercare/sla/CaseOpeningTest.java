package com.aftercare.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

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
}
