package com.aftercare.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    Optional<SlaPolicy> findByCodeAndCurrentVersionTrue(String code);

    List<SlaPolicy> findByCurrentVersionTrueOrderByCode();

    List<SlaPolicy> findByCodeOrderByVersionDesc(String code);
}
