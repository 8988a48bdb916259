package com.aftercare.asset;

import java.util.Map;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.ConflictException;
import io.swagger.v3.oas.annotations.media.Schema;

/** An administrator adds a customer unit (用户单位); names are unique, a taken one is a 409. */
@Service
public class CreateCustomer {

    @Schema(name = "CreateCustomerCommand")
    public record Command(@NotBlank @Size(max = 200) String name) {
    }

    private final CustomerRepository customers;

    CreateCustomer(CustomerRepository customers) {
        this.customers = customers;
    }

    @Transactional
    public Customer create(Command c) {
        String name = c.name().trim();
        if (customers.findByName(name).isPresent()) {
            throw ConflictException.of("customerNameTaken", Map.of("name", name));
        }
        return customers.save(new Customer(name));
    }
}
