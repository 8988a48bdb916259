package com.aftercare.modeling;

import java.util.List;

/** A model the deployment guard (or the engine's parser) refused; answered with 400 and every violation. */
class ModelRejectedException extends RuntimeException {

    private final List<ModelViolation> violations;

    ModelRejectedException(List<ModelViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    List<ModelViolation> violations() {
        return violations;
    }

    private static String summary(List<ModelViolation> violations) {
        ModelViolation first = violations.get(0);
        String where = first.elementId() == null ? "" : " at '" + first.elementId() + "'";
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return "Model rejected: " + first.rule() + where + ": " + first.message() + more;
    }
}
