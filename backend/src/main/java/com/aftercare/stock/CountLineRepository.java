package com.aftercare.stock;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CountLineRepository extends JpaRepository<CountLine, Long> {

    List<CountLine> findByCountIdOrderByPartIdAscBatchIdAsc(Long countId);
}
