package com.aftercare.stock;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StockCountRepository extends JpaRepository<StockCount, Long> {

    Optional<StockCount> findByWarehouseIdAndMonth(Long warehouseId, String month);

    List<StockCount> findTop100ByOrderByIdDesc();
}
