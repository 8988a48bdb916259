package com.aftercare.asset;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, Long> {
    Optional<Customer> findByName(String name);

    java.util.List<Customer> findAllByOrderByName();
}
