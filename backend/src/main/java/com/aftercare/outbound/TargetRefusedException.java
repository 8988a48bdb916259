package com.aftercare.outbound;

/**
 * A connection this server will not make. The message is a short classification safe to show any
 * user ("address not allowed", "https required", "cannot resolve host"): which address a name
 * resolved to and why it was refused stay in {@link #reason()}, for the log only.
 */
public class TargetRefusedException extends Exception {

    private final String reason;

    TargetRefusedException(String shown, String reason) {
        super(shown, null, false, false);
        this.reason = reason;
    }

    /** The detail for the server log. */
    public String reason() {
        return reason;
    }
}
