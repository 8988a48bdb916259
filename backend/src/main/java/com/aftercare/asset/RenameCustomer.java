package com.aftercare.asset;

import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;

/** An administrator corrects a unit's name (the audit trail keeps the old one). */
@Service
public class RenameCustomer {

    private final CustomerRepository customers;

    RenameCustomer(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional
    public Customer rename(Long id, CreateCustomer.Command c) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id));
        String name = c.name().trim();
        customers.findByName(name).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw ConflictException.of("customerNameTaken", Map.of("name", name));
        });
        customer.rename(name);
        return customer;
    }
}
