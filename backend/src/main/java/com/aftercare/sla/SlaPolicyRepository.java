package com.aftercare.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SlaPolicyRepository extends JpaRepository<SlaPolicy, Long> {

    @Query("select x from SlaPolicy x where x.code = :code and x.currentVersion = true")
    Optional<SlaPolicy> findByCodeAndCurrentVersionTrue(@Param("code") String code);

    List<SlaPolicy> findByCurrentVersionTrueOrderByCode();

    List<SlaPolicy> findByCodeOrderByVersionDesc(String code);
}
