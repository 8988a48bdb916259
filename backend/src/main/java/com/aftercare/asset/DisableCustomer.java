package com.aftercare.asset;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.NotFoundException;
import com.aftercare.identity.DisableAccount;

/**
 * An administrator switches a customer unit off (no longer under contract) or on again. The unit, its sites, devices
 * and tickets stay, so history keeps its names; its own users are disabled with it in the same transaction (and
 * refused at once). Switching the unit on again does not switch its users on: an administrator does that per user.
 */
@Service
public class DisableCustomer {

    private final CustomerRepository customers;
    private final DisableAccount accounts;

    DisableCustomer(CustomerRepository customers, DisableAccount accounts) {
        this.customers = customers;
        this.accounts = accounts;
    }

    @Transactional
    public Customer disable(Long id) {
        Customer customer = existing(id);
        customer.activate(false);
        accounts.disableAllOfUnit(id);
        return customer;
    }

    @Transactional
    public Customer enable(Long id) {
        Customer customer = existing(id);
        customer.activate(true);
        return customer;
    }

    private Customer existing(Long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    }
}
