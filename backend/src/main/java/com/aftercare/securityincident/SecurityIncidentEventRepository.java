package com.aftercare.securityincident;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SecurityIncidentEventRepository extends JpaRepository<SecurityIncidentEvent, Long> {

    @Query("select e from SecurityIncidentEvent e where e.incidentId = :incidentId order by e.id desc")
    List<SecurityIncidentEvent> newestFirst(@Param("incidentId") long incidentId);
}
