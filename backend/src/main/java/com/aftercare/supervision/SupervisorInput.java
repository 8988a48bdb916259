package com.aftercare.supervision;

import com.aftercare.common.BadRequestException;
import com.aftercare.engineer.EngineerService;

/** The checks of a supervisor action's input, the same for one case and for many; each names its field. */
final class SupervisorInput {

    static final int MAX_REASON = 500;

    private SupervisorInput() {
    }

    static void reason(String reason, boolean required) {
        if (required && (reason == null || reason.isBlank())) {
            throw new BadRequestException("reason", "say why (1 to " + MAX_REASON + " characters)");
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new BadRequestException("reason", "at most " + MAX_REASON + " characters");
        }
    }

    static void engineer(String engineer, EngineerService engineers) {
        if (engineer == null || engineer.isBlank()) {
            throw new BadRequestException("engineer", "is required");
        }
        if (engineer.length() > 100 || !engineers.exists(engineer.strip())) {
            throw new BadRequestException("engineer", "not an engineer who may be given work");
        }
    }

    static void level(String level) {
        if (level == null || level.isBlank() || level.length() > 20) {
            throw new BadRequestException("level", "is required");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
