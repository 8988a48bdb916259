package com.aftercare.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ServiceContractRepository extends JpaRepository<ServiceContract, Long> {

    Optional<ServiceContract> findByCustomerId(Long customerId);

    /**
     * What a new ticket of the customer would run under, as keys only: the contract's id and version (both null without
     * a contract) and the id of the current version of its policy (the default code without a contract). One row, or
     * none when that policy has no current version yet. {@link ContractBook#assignmentFor} compares it with what it
     * built last time (ADR 0065).
     */
    @Query("select c.id, c.version, p.id from SlaPolicy p left join ServiceContract c on c.customerId = :customerId"
            + " where p.currentVersion = true and p.code = coalesce(c.policyCode, :defaultCode)")
    List<Object[]> assignmentKey(@Param("customerId") Long customerId, @Param("defaultCode") String defaultCode);
}
