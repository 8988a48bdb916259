package com.aftercare.sla;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceContractRepository extends JpaRepository<ServiceContract, Long> {

    @Query("select x from ServiceContract x where x.customerId = :customerId")
    Optional<ServiceContract> findByCustomerId(@Param("customerId") Long customerId);
}
