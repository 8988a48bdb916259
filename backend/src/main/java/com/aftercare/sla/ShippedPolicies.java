package com.aftercare.sla;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Seeds the ready-made policies (SLA-1..SLA-4) on first start, before anything opens a ticket. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedPolicies implements ApplicationRunner {

    private final PolicyCatalog policies;

    ShippedPolicies(PolicyCatalog policies) {
        this.policies = policies;
    }

    @Override
    public void run(ApplicationArguments args) {
        policies.ensureShippedPolicies();
    }
}
