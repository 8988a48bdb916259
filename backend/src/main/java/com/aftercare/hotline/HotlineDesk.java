package com.aftercare.hotline;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/** Who works the hotline's figures: the desk (and the phone system signed in with a desk token), supervisors, admins. */
final class HotlineDesk {

    static final Set<Role> ROLES = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN);

    /** Seed 000: 热线电话的接通率达到90%以上. */
    static final double TARGET = 0.9;

    /** Seed 004 (服务热线电话): 半小时内回复客户电话 — a missed call is called back within 30 minutes. */
    static final java.time.Duration REPLY_WITHIN = java.time.Duration.ofMinutes(30);

    private HotlineDesk() {
    }

    static void require(String what) {
        if (CurrentUser.isCustomer() || CurrentUser.roles().stream().noneMatch(ROLES::contains)) {
            throw new ForbiddenException("Your role may not " + what);
        }
    }
}
