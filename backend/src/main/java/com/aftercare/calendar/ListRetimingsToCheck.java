package com.aftercare.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * imports of the same year (a corrected notice) is listed once, under the latest. A skipped case an admin re-timed since
 * ({@link RetimeSkippedCase}) is not listed. Each says why (ADR 0086) as a {@link RetimingFailure}, which the page words
 * in the reader's language; the error text itself stays in the table and the log.
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

    /** A case the re-timing skipped: its id (for the link), number, why, and when that was recorded. */
    public record SkippedCase(long id, String number, RetimingFailure reason, Instant skippedAt) {
    }

    /**
     * One re-timing to check: the year imported and when, how many open cases it re-timed, whether it was given up
     * (else it finished, or is still owed and running) and why ({@code reason}, only when given up), how many open cases
     * it skipped, and the first {@value #LISTED}.
     */
    public record RetimingToCheck(long id, int year, Instant importedAt, int openCasesRetimed, boolean givenUp,
            boolean finished, RetimingFailure reason, int openCasesNotRetimed, List<SkippedCase> notRetimed) {
    }

    @Transactional(readOnly = true)
    public List<RetimingToCheck> list() {
        List<OwedRetimings.Trouble> troubles = new ArrayList<>(owed.troubles());
        // newest first: a case two imports of a year both skipped is listed once, under the latest
        Collections.reverse(troubles);
        Set<String> listedOfYear = new HashSet<>();
        List<RetimingToCheck> result = new ArrayList<>();
        for (OwedRetimings.Trouble t : troubles) {
            Map<Long, OwedRetimings.Skip> notSeen = new LinkedHashMap<>();
            t.skipped().stream().filter(s -> listedOfYear.add(t.year() + "/" + s.ticketId()))
                    .forEach(s -> notSeen.put(s.ticketId(), s));
            Map<Long, String> open = notSeen.isEmpty() ? Map.of() : deadlines.openCaseNumbers(notSeen.keySet());
            if (!t.givenUp() && open.isEmpty()) {
                continue;
            }
            List<SkippedCase> listed = open.entrySet().stream().limit(LISTED).map(e -> {
                OwedRetimings.Skip s = notSeen.get(e.getKey());
                return new SkippedCase(e.getKey(), e.getValue(), s.reason(), s.skippedAt());
            }).toList();
            result.add(new RetimingToCheck(t.id(), t.year(), t.importedAt(), t.retimed(), t.givenUp(), t.finished(),
                    t.givenUpBecause(), open.size(), listed));
        }
        Collections.reverse(result);
        return result;
    }
}
