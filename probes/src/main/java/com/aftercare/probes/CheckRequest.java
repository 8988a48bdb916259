package com.aftercare.probes;

import java.util.Map;

/** One check a policy asks for, with its thresholds (e.g. "minFreeGb" = "1", "minDays" = "60"). */
public record CheckRequest(CheckKind kind, Map<String, String> params) {

    public CheckRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static CheckRequest of(CheckKind kind) {
        return new CheckRequest(kind, Map.of());
    }

    public int intParam(String name, int fallback) {
        String v = params.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    public double doubleParam(String name, double fallback) {
        String v = params.get(name);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
    }
}
