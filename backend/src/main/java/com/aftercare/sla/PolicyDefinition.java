package com.aftercare.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.aftercare.asset.Region;
import com.aftercare.common.BadRequestException;

/**
 * An SLA policy as a process owner edits it (stored as JSON): the levels of one scheme, the clocks
 * each level runs, the clocks every ticket runs (service-desk timings), the statuses that pause the
 * clocks, and the escalation ladder.
 */
public record PolicyDefinition(
        String name,
        /** DMN decision that turns impact x urgency into one of this scheme's level codes (SLA-8). */
        String levelDecision,
        List<LevelSpec> levels,
        List<ClockSpec> commonClocks,
        Set<String> pauseOn,
        List<EscalationStep> escalation) {

    public static final Set<String> PAUSE_REASONS = Set.of("WAITING_CUSTOMER", "WAITING_PARTS", "AWAITING_VENDOR");

    public PolicyDefinition {
        levels = levels == null ? List.of() : List.copyOf(levels);
        commonClocks = commonClocks == null ? List.of() : List.copyOf(commonClocks);
        pauseOn = pauseOn == null ? Set.of() : Set.copyOf(pauseOn);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
    }

    /** One level of the scheme, e.g. "1" (all users down) or "A" (system down). */
    public record LevelSpec(String code, String name, List<ClockSpec> clocks) {
        public LevelSpec {
            clocks = clocks == null ? List.of() : List.copyOf(clocks);
        }
    }

    /**
     * How long a clock may run: a duration, or whole working days (one day = the calendar's standard
     * day), in natural or working time; a site's region may have its own target (SLA-9).
     */
    public record ClockSpec(ClockName clock, Duration target, Integer workingDays, TimeBasis basis,
            Map<Region, Duration> regionTargets, Boolean pausable) {

        public TimeBasis basisOrDefault() {
            return workingDays != null ? TimeBasis.WORKING : basis == null ? TimeBasis.NATURAL : basis;
        }

        /** Service-desk timings are about the desk's own speed: waiting for the customer does not stop them. */
        public boolean isPausable() {
            return pausable == null || pausable;
        }
    }

    /** A rung of the escalation ladder: reached at {@code percent} of a clock, notifies the recipient roles, repeats. */
    public record EscalationStep(String name, int percent, List<RecipientRole> recipients, Duration repeat) {
        public EscalationStep {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
        }
    }

    public Optional<LevelSpec> level(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The clocks a ticket of this level runs: the level's own, then the common ones. */
    public List<ClockSpec> clocksFor(String levelCode) {
        List<ClockSpec> result = new ArrayList<>(level(levelCode).map(LevelSpec::clocks).orElse(List.of()));
        result.addAll(commonClocks);
        return result;
    }

    /** Every clock any level of this policy may run, so a level change can bring in a clock the ticket did not have. */
    public Set<ClockName> allClocks() {
        Set<ClockName> all = new LinkedHashSet<>();
        levels.forEach(l -> l.clocks().forEach(c -> all.add(c.clock())));
        commonClocks.forEach(c -> all.add(c.clock()));
        return all;
    }

    /** Rejects a definition the clock engine could not run, naming the field. */
    public void validate() {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new BadRequestException("name", "must be 1 to 200 characters");
        }
        if (levelDecision == null || !levelDecision.matches("[A-Za-z][A-Za-z0-9_]{0,59}")) {
            throw new BadRequestException("levelDecision", "must be the id of a deployed DMN decision");
        }
        if (levels.isEmpty() || levels.size() > 20) {
            throw new BadRequestException("levels", "must have 1 to 20 levels");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            LevelSpec level = levels.get(i);
            String field = "levels[" + i + "]";
            if (level == null || level.code() == null || !level.code().matches("[A-Za-z0-9]{1,10}")) {
                throw new BadRequestException(field + ".code", "must be 1 to 10 letters or digits");
            }
            if (!codes.add(level.code())) {
                throw new BadRequestException(field + ".code", "duplicate level " + level.code());
            }
            if (level.name() == null || level.name().isBlank() || level.name().length() > 200) {
                throw new BadRequestException(field + ".name", "must be 1 to 200 characters");
            }
            validateClocks(level.clocks(), field + ".clocks");
        }
        validateClocks(commonClocks, "commonClocks");
        for (String reason : pauseOn) {
            if (!PAUSE_REASONS.contains(reason)) {
                throw new BadRequestException("pauseOn", "unknown pause state " + reason + "; allowed: " + PAUSE_REASONS);
            }
        }
        validateEscalation();
    }

    private static void validateClocks(List<ClockSpec> clocks, String field) {
        Set<ClockName> seen = new HashSet<>();
        for (int i = 0; i < clocks.size(); i++) {
            ClockSpec c = clocks.get(i);
            String f = field + "[" + i + "]";
            if (c == null || c.clock() == null) {
                throw new BadRequestException(f + ".clock", "is required");
            }
            if (c.clock() == ClockName.VENDOR_RETURN || c.clock().isRequestClock()) {
                // their deadlines come from a repair slip or a request type, never from a policy figure
                throw new BadRequestException(f + ".clock", "clock " + c.clock() + " is not set by a policy");
            }
            if (!seen.add(c.clock())) {
                throw new BadRequestException(f + ".clock", "clock " + c.clock() + " appears twice");
            }
            if ((c.target() == null) == (c.workingDays() == null)) {
                throw new BadRequestException(f + ".target", "give either target (ISO duration) or workingDays");
            }
            if (c.target() != null && (c.target().isNegative() || c.target().compareTo(Duration.ofDays(366)) > 0)) {
                throw new BadRequestException(f + ".target", "must be between PT0S and 366 days");
            }
            if (c.workingDays() != null && (c.workingDays() < 1 || c.workingDays() > 250)) {
                throw new BadRequestException(f + ".workingDays", "must be 1 to 250");
            }
            if (c.workingDays() != null && c.basis() == TimeBasis.NATURAL) {
                throw new BadRequestException(f + ".basis", "working days are counted in working time");
            }
            if (c.regionTargets() != null) {
                for (Map.Entry<Region, Duration> e : new EnumMap<>(c.regionTargets()).entrySet()) {
                    if (e.getValue() == null || e.getValue().isNegative() || e.getValue().compareTo(Duration.ofDays(366)) > 0) {
                        throw new BadRequestException(f + ".regionTargets." + e.getKey(), "must be between PT0S and 366 days");
                    }
                }
            }
        }
    }

    private void validateEscalation() {
        int previous = 0;
        for (int i = 0; i < escalation.size(); i++) {
            EscalationStep step = escalation.get(i);
            String f = "escalation[" + i + "]";
            if (step == null || step.name() == null || !step.name().matches("[A-Z][A-Z0-9_]{0,39}")) {
                throw new BadRequestException(f + ".name", "must be 1 to 40 capital letters, digits or _");
            }
            if (step.percent() <= previous || step.percent() > 1000) {
                throw new BadRequestException(f + ".percent", "must rise from step to step, between 1 and 1000");
            }
            previous = step.percent();
            if (step.recipients().isEmpty()) {
                throw new BadRequestException(f + ".recipients", "name at least one recipient role");
            }
            if (step.repeat() != null && step.repeat().compareTo(Duration.ofMinutes(5)) < 0) {
                throw new BadRequestException(f + ".repeat", "must be at least PT5M (or absent for no repeat)");
            }
        }
    }
}
