package com.aftercare.engineer;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Skill tags ("视频监控", "network", "UPS") kept as one comma-separated column: trimmed, no duplicates, order kept. */
final class Skills {

    /** A tag: no comma (the separator), 1-40 characters. */
    static final String TAG = "[^,]{1,40}";

    private Skills() {
    }

    static String join(List<String> skills) {
        if (skills == null) {
            return null;
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        skills.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(tags::add);
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(String::trim).toList();
    }
}
