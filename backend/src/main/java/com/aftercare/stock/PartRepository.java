package com.aftercare.stock;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartRepository extends JpaRepository<Part, Long> {

    Optional<Part> findByPartNumber(String partNumber);

    /** 1 for the one transaction that marks the crossing (it tells the supervisors), 0 when already marked. */
    @Modifying(flushAutomatically = true)
    @Query("update Part p set p.alarmRaised = true where p.id = :id and p.alarmRaised = false")
    int raiseAlarm(@Param("id") Long id);

    @Modifying(flushAutomatically = true)
    @Query("update Part p set p.alarmRaised = false where p.id = :id and p.alarmRaised = true")
    int clearAlarm(@Param("id") Long id);
}
