package com.aftercare.repair;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoanerUnitRepository extends JpaRepository<LoanerUnit, Long> {

    List<LoanerUnit> findAllByOrderByIdAsc();

    boolean existsBySerialIgnoreCase(String serial);

    /** The unit locked for this transaction: two people taking it at once queue here, the second sees it on loan. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from LoanerUnit u where u.id = :id")
    Optional<LoanerUnit> lockById(@Param("id") Long id);
}
