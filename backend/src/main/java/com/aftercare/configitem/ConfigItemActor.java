package com.aftercare.configitem;

import java.util.Set;

import com.aftercare.common.ForbiddenException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.identity.Role;

/** Who keeps the configuration records and who reads them (RP-4). */
final class ConfigItemActor {

    /**
     * Those who find out on site or in the design how a unit's systems rest on its hardware (seed 003: 配置管理流程负责核实
     * ... 配置项之间的关系是否已经被正确记录下来): engineers, supervisors, the process owner as asset keeper, administrators.
     */
    static final Set<Role> KEEPERS = Set.of(Role.ENGINEER, Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN);
    /** Every staff role reads; a customer's user reads their own unit's (checked where the item is loaded). */
    static final Set<Role> STAFF = Set.of(Role.SERVICE_DESK, Role.ENGINEER, Role.SUPERVISOR, Role.PROCESS_OWNER, Role.ADMIN);

    private ConfigItemActor() {
    }

    static boolean isKeeper() {
        return !CurrentUser.isCustomer() && CurrentUser.roles().stream().anyMatch(KEEPERS::contains);
    }

    static void requireKeeper() {
        if (!isKeeper()) {
            throw new ForbiddenException("Your role may not change configuration items");
        }
    }

    static void requireReader() {
        if (!CurrentUser.isCustomer() && CurrentUser.roles().stream().noneMatch(STAFF::contains)) {
            throw new ForbiddenException("Your role may not read configuration items");
        }
    }
}
