package com.aftercare.knowledge;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Who does what with articles (docs/adr/0035). The desk and the engineers know the faults and write; the
 * supervisor and the process owner review and publish (never their own article), and retire. All staff read
 * every article; a customer's user reads published articles of their own systems only.
 */
record Writers(String username, Set<Role> roles) {

    static final Set<Role> WRITE = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.PROCESS_OWNER);
    static final Set<Role> REVIEW = Set.of(Role.SUPERVISOR, Role.PROCESS_OWNER);
    static final Set<Role> STAFF = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.PROCESS_OWNER,
            Role.ADMIN);
    /** Record a case solved at the desk from an article: the first line's work. */
    static final Set<Role> FIRST_LINE = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR);

    static Writers current() {
        return new Writers(CurrentUser.username(), CurrentUser.roles());
    }

    boolean may(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    void require(Set<Role> allowed, String what) {
        if (!may(allowed)) {
            throw new ForbiddenException("Your role may not " + what);
        }
    }
}
