package com.aftercare.weatherwarning;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/**
 * Who reports and reads weather warnings: the feed signs in with an API token of the desk (as the phone system does,
 * ADR 0102) and the desk, supervisors and administrators read what came; customers do not.
 */
final class WeatherFeed {

    static final Set<Role> ROLES = Set.of(Role.SERVICE_DESK, Role.SUPERVISOR, Role.ADMIN);

    private WeatherFeed() {
    }

    static void require(String what) {
        if (CurrentUser.isCustomer() || CurrentUser.roles().stream().noneMatch(ROLES::contains)) {
            throw new ForbiddenException("Your role may not " + what);
        }
    }
}
