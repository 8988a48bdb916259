package com.aftercare.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionPlanRepository extends JpaRepository<InspectionPlan, Long> {

    List<InspectionPlan> findByActiveTrueOrderById();

    List<InspectionPlan> findAllByOrderById();

    List<InspectionPlan> findByCustomerIdOrderById(Long customerId);
}
