package com.aftercare.stock;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaleStockWarningRepository extends JpaRepository<StaleStockWarning, Long> {

    Optional<StaleStockWarning> findByMonth(String month);

    /** The newest first: the warnings page shows the last two years. */
    List<StaleStockWarning> findTop24ByOrderByMonthDesc();
}
