package com.aftercare.supervision;

import com.aftercare.common.ConflictException;

/**
 * A supervisor's action that the case's state does not allow (409 on one case; on a bulk row, the row's outcome).
 * code is what the board shows in the reader's language (labels "supervise.refusal.&lt;code&gt;"), never to a reader.
 */
class CannotAct extends ConflictException {

    enum Code { CLOSED, SAME_ENGINEER, NO_ENGINEER_STEP, NO_ASSIGNEE, NOT_MORE_SEVERE }

    private final Code code;

    CannotAct(Code code, String message) {
        super(message);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
