package com.aftercare.stock;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MovementRepository extends JpaRepository<Movement, Long> {

    List<Movement> findByPartIdOrderByIdAsc(Long partId);

    List<Movement> findByRequisitionIdOrderByIdAsc(Long requisitionId);

    List<Movement> findTop200ByOrderByIdDesc();
}
