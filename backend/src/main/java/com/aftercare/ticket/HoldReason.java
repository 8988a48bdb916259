package com.aftercare.ticket;

import java.util.Arrays;

/** Why a case waits on someone else; the names are the JSON values of POST /hold and the stored hold_reason. */
public enum HoldReason {
    WAITING_CUSTOMER,
    WAITING_PARTS;

    /** The reason a request names, or null when it names none we know (the command then reports the field). */
    public static HoldReason fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst().orElse(null);
    }
}
