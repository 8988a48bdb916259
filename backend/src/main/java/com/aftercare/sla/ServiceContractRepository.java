package com.aftercare.sla;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceContractRepository extends JpaRepository<ServiceContract, Long> {

    Optional<ServiceContract> findByCustomerId(Long customerId);
}
