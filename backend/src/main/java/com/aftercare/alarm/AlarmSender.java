package com.aftercare.alarm;

import java.security.Principal;

/**
 * Who is sending on the alarm endpoints: a registered monitoring source, by its key. The name is what the timeline
 * shows as the actor, so it is the name the admin gave the source.
 */
public record AlarmSender(Long sourceId, Long customerId, Long triageSiteId, String name) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
