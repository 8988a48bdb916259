package com.aftercare.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the shipped SLA policies are seeded: gives tickets from an older database their policy (see AdoptTicketsWithoutPolicy). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class LegacyTicketAdoption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyTicketAdoption.class);

    private final AdoptTicketsWithoutPolicy adoption;

    LegacyTicketAdoption(AdoptTicketsWithoutPolicy adoption) {
        this.adoption = adoption;
    }

    @Override
    public void run(ApplicationArguments args) {
        int adopted = adoption.adopt();
        if (adopted > 0) {
            log.info("{} ticket(s) from before SLA policies now run on their customer's policy", adopted);
        }
    }
}
