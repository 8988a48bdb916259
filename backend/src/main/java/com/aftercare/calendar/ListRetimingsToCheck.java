package com.aftercare.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The holiday imports' re-timings a person has to do something about (ADR 0083), for the working calendar's page: the
 * ones given up after {@link FinishRetiming#ATTEMPTS} runs (an admin can try again), and the ones that skipped cases
 * still open (a supervisor checks their deadlines by hand). A skipped case that was closed since drops out, and a
 * re-timing whose skipped cases are all closed is not listed any more: nothing is left to check. A case skipped by two
 * imports of the same year (a corrected notice) is listed once, under the latest.
 */
@Service
public class ListRetimingsToCheck {

    /** At most this many case numbers per re-timing; the count says how many there are. */
    static final int LISTED = 50;

    private final OwedRetimings owed;
    private final OpenCaseDeadlines deadlines;

    ListRetimingsToCheck(OwedRetimings owed, OpenCaseDeadlines deadlines) {
        this.owed = owed;
        this.deadlines = deadlines;
    }

    /** A case the re-timing skipped: its id (for the link) and number. */
    public record SkippedCase(long id, String number) {
    }

    /**
     * One re-timing to check: the year imported and when, how many open cases it re-timed, whether it was given up
     * (else it finished, or is still owed and running), how many open cases it skipped, and the first {@value #LISTED}.
     */
    public record RetimingToCheck(long id, int year, Instant importedAt, int openCasesRetimed, boolean givenUp,
            boolean finished, int openCasesNotRetimed, List<SkippedCase> notRetimed) {
    }

    @Transactional(readOnly = true)
    public List<RetimingToCheck> list() {
        List<OwedRetimings.Trouble> troubles = new ArrayList<>(owed.troubles());
        // newest first: a case two imports of a year both skipped is listed once, under the latest
        Collections.reverse(troubles);
        Set<String> listedOfYear = new HashSet<>();
        List<RetimingToCheck> result = new ArrayList<>();
        for (OwedRetimings.Trouble t : troubles) {
            List<Long> notSeen = t.skippedTicketIds().stream().filter(id -> listedOfYear.add(t.year() + "/" + id)).toList();
            Map<Long, String> open = notSeen.isEmpty() ? Map.of() : deadlines.openCaseNumbers(notSeen);
            if (!t.givenUp() && open.isEmpty()) {
                continue;
            }
            List<SkippedCase> listed = open.entrySet().stream().limit(LISTED)
                    .map(e -> new SkippedCase(e.getKey(), e.getValue())).toList();
            result.add(new RetimingToCheck(t.id(), t.year(), t.importedAt(), t.retimed(), t.givenUp(), t.finished(),
                    open.size(), listed));
        }
        Collections.reverse(result);
        return result;
    }
}
