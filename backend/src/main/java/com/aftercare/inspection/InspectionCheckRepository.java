package com.aftercare.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionCheckRepository extends JpaRepository<InspectionCheck, Long> {

    List<InspectionCheck> findByInspectionIdOrderById(Long inspectionId);
}
