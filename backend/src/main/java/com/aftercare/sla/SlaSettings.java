package com.aftercare.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * aftercare.sla.*: what a ticket of a customer without a service contract runs on.
 */
@ConfigurationProperties("aftercare.sla")
public record SlaSettings(@DefaultValue("THREE_LEVEL") String defaultPolicy,
        @DefaultValue("SEVEN_BY_24") CalendarKind defaultCalendar) {
}
