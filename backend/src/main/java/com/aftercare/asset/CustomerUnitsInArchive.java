package com.aftercare.asset;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.identity.CustomerUnits;

/** Tells the account use cases which customer units exist (identity may not depend on asset: asset depends on it). */
@Component
class CustomerUnitsInArchive implements CustomerUnits {

    private final CustomerRepository customers;

    CustomerUnitsInArchive(CustomerRepository customers) {
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(long customerId) {
        return customers.existsById(customerId);
    }
}
