package com.aftercare.servicereport;

import java.util.List;
import java.util.Map;

/**
 * Which fault levels count as "major" for a contract: its chosen level and every more severe one. The shipped
 * policies number their levels in opposite directions (三级: 1 is the worst; 六级: 5 is), so each scheme's order is
 * written here, most severe first. Without a choice the default is the scheme's "system down" level(s), the
 * 系统瘫痪 for which seed 000 promises a written report within 24 hours.
 */
final class MajorLevels {

    /** Per policy code: its levels, most severe first. */
    static final Map<String, List<String>> SEVERITY = Map.of(
            "THREE_LEVEL", List.of("1", "2", "3"),
            "DESK_HOURS", List.of("1", "2", "3"),
            "SIX_LEVEL", List.of("5", "4", "3", "2", "1", "0"),
            "CLASS_ABCD", List.of("A", "B", "C", "D"));

    /** The default threshold per policy: level 1, class A, or from level 4 (system crashed) on the six-level scale. */
    static final Map<String, String> DEFAULT = Map.of("THREE_LEVEL", "1", "DESK_HOURS", "1", "SIX_LEVEL", "4",
            "CLASS_ABCD", "A");

    private MajorLevels() {
    }

    static List<String> levels(String policyCode) {
        return policyCode == null ? List.of() : SEVERITY.getOrDefault(policyCode, List.of());
    }

    /** The threshold in force: the contract's choice, else the policy's default (null for an unknown policy). */
    static String threshold(String policyCode, String chosen) {
        return chosen != null ? chosen : policyCode == null ? null : DEFAULT.get(policyCode);
    }

    /** Whether {@code level} is the threshold or more severe. A level the scheme does not know is not major. */
    static boolean isMajor(String policyCode, String threshold, String level) {
        if (level == null || threshold == null) {
            return false;
        }
        List<String> order = levels(policyCode);
        int at = order.indexOf(level);
        int limit = order.indexOf(threshold);
        if (at < 0 || limit < 0) {
            return level.equals(threshold);
        }
        return at <= limit;
    }
}
