package com.aftercare.notify;

import java.util.List;
import java.util.Set;

import com.aftercare.identity.Role;

/**
 * Whose notifications: the signed-in user's own and those of their staff roles. A customer unit's role is
 * left out on purpose: a message to "all customers" would cross units, so customers read only their own.
 */
record NotificationReader(String username, List<String> roleNames) {

    static NotificationReader of(String username, Set<Role> roles) {
        List<String> names = roles.stream().filter(r -> r != Role.CUSTOMER).map(Role::name).sorted().toList();
        // an empty IN () is not SQL: a role no notification is addressed to stands in
        return new NotificationReader(username, names.isEmpty() ? List.of("-") : names);
    }
}
